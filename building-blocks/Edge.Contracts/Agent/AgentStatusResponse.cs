using System.Text.Json.Serialization;

namespace Edge.Contracts.Agent;

/// <summary>
/// GET <see cref="AgentRoutes.Status"/>: the service's name and version for anyone; with the provisioning token also
/// its counters (refused input, lockouts...), which are null (left out) otherwise.
/// </summary>
public sealed record AgentStatusResponse(
    string Service,
    string Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, long>? Counters);
