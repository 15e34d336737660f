using System.Net;
using Edge.Contracts.Agent;

namespace Edge.Kiosk.Agent;

/// <summary>edge-agent answered 4xx with an <see cref="ApiError"/> (bad input, expired session, not found).</summary>
internal sealed class AgentRefusedException(HttpStatusCode status, ApiError? error)
    : Exception($"edge-agent refused ({(int)status}): {error?.Code} {error?.Message}")
{
    public HttpStatusCode Status { get; } = status;

    public string Code { get; } = error?.Code ?? "unknown";
}
