namespace Edge.Agent.Api;

/// <summary>Endpoint metadata: the callers a route is meant for (for tests and the OpenAPI description).</summary>
internal sealed record RequiredCallers(IReadOnlyList<AgentCaller> Callers);
