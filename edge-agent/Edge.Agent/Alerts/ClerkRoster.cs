using Edge.Agent.Storage;
using Edge.Contracts.Agent;

namespace Edge.Agent.Alerts;

/// <summary>Shift, zone and busy state as each clerk's wearable reports it (kept across restarts; the router reads it in the writer).</summary>
internal sealed class ClerkRoster(AgentWriter writer, TimeProvider time)
{
    public Task SetAsync(string clerkId, ClerkStatusRequest status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var now = AlertStore.At(time.GetUtcNow());
        return writer.WriteAsync(
            tx => tx.Execute(
                """
                INSERT INTO clerks(clerk_id, on_shift, busy, zone, updated_at) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT(clerk_id) DO UPDATE SET on_shift = $2, busy = $3, zone = $4, updated_at = $5;
                """,
                clerkId, status.OnShift ? 1 : 0, status.Busy ? 1 : 0, status.Zone, now),
            cancellationToken);
    }
}
