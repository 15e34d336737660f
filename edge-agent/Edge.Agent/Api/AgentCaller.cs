namespace Edge.Agent.Api;

/// <summary>Who calls the local API; each has its own bearer token (<see cref="AgentApiOptions"/>) and its own routes.</summary>
internal enum AgentCaller
{
    Kiosk,
    Pos,
    Wearable,
    Provisioning,
}
