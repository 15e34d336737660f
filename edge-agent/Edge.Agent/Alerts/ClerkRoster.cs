using Edge.Agent.Storage;
using Edge.Contracts;
using Edge.Contracts.Agent;

namespace Edge.Agent.Alerts;

/// <summary>Shift, zone and busy state as each clerk's wearable reports it (kept across restarts; the router reads it in the writer).</summary>
internal sealed class ClerkRoster(AgentWriter writer, Bus.BusPublisher bus, TimeProvider time)
{
    public async Task SetAsync(string clerkId, ClerkStatusRequest status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var now = AlertStore.At(time.GetUtcNow());
        await writer.WriteAsync(
            tx => tx.Execute(
                """
                INSERT INTO clerks(clerk_id, on_shift, busy, zone, updated_at) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT(clerk_id) DO UPDATE SET on_shift = $2, busy = $3, zone = $4, updated_at = $5;
                """,
                clerkId, status.OnShift ? 1 : 0, status.Busy ? 1 : 0, status.Zone, now),
            cancellationToken).ConfigureAwait(false);

        // The wearable as a store device for HQ (cloud-sync's Sparkplug DBIRTH/DDATA): its shift state and zone only.
        var text = !status.OnShift ? "off shift" : (status.Busy ? "busy in " : "on shift in ") + status.Zone;
        await bus.PublishTextAsync(LocalTopics.DeviceStatusFor("wearables", clerkId), text, retain: true, cancellationToken).ConfigureAwait(false);
    }
}
