using Edge.Contracts.Agent;

namespace Edge.Agent.Alerts;

/// <summary>Staff-alert routes that are edge-agent's own (the wearable's routes are in <see cref="AgentRoutes"/>).</summary>
internal static class AlertsRoutes
{
    /// <summary>PUT <see cref="QuietModeRequest"/> (wearable token, 204): the runtime quiet switch; it lasts until the next restart.</summary>
    public const string QuietMode = AgentRoutes.Prefix + "/alerts/quiet";
}
