using System.Globalization;
using System.Text.Json;
using Edge.Agent.Bus;
using Edge.Agent.Storage;
using Edge.Contracts.Presence;
using Edge.Messaging;

namespace Edge.Agent.Members;

/// <summary>
/// Presence events from beacon-gateway: stored (at most <see cref="MembersOptions.PresenceRetention"/>) for known,
/// presence-consenting members only; Entered and Dwelled go on to the offer engine. Unknown members and malformed
/// events are counted and dropped.
/// </summary>
internal sealed class PresenceHandler(AgentWriter writer, MemberStore members, IEnumerable<IPresenceConsumer> consumers, AgentCounters counters, ILogger<PresenceHandler> logger)
    : IBusHandler
{
    private readonly IPresenceConsumer[] _consumers = consumers.ToArray();

    public string TopicFilter => PresenceTopics.Members + "/#";

    public async Task HandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        PresenceEvent? presence;
        try
        {
            presence = JsonSerializer.Deserialize(message.Payload.Span, PresenceJsonContext.Default.PresenceEvent);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            presence = null;
            MembersLog.PresenceRefused(logger, e.Message);
        }

        if (presence is null || string.IsNullOrEmpty(presence.EventId) || string.IsNullOrEmpty(presence.MemberId) || string.IsNullOrEmpty(presence.Zone))
        {
            counters.Increment("presence.malformed");
            return;
        }

        var member = members.Find(presence.MemberId);
        if (member is null || !member.Consent.Presence)
        {
            counters.Increment("presence.unknown_member");
            MembersLog.PresenceRefused(logger, "unknown or non-consenting member");
            return;
        }

        var kind = presence switch
        {
            MemberEntered => "entered",
            MemberMoved => "moved",
            MemberDwelled => "dwelled",
            _ => "left",
        };
        var fresh = await writer.WriteAsync(
            tx => tx.Execute(
                "INSERT OR IGNORE INTO presence(event_id, member_id, zone, kind, occurred_at) VALUES ($1, $2, $3, $4, $5);",
                presence.EventId, presence.MemberId, presence.Zone, kind, presence.OccurredAt.ToString("O", CultureInfo.InvariantCulture)) == 1,
            cancellationToken).ConfigureAwait(false);
        counters.Increment("presence.received");
        if (!fresh)
        {
            counters.Increment("presence.duplicate");
            return;
        }

        foreach (var consumer in _consumers)
        {
            consumer.OnPresence(presence, member);
        }
    }
}
