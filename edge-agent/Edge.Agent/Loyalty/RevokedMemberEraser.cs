using Edge.Agent.Bus;
using Edge.Agent.Members;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;
using Edge.Contracts.Cloud;
using Edge.Messaging;

namespace Edge.Agent.Loyalty;

/// <summary>
/// A revoked member's loyalty data goes with them: punch cards, daily stamp counts, pending points and their ledger,
/// purchase statistics and bought products are erased, and their receipts keep only the transaction id and figures
/// (for idempotency). The pending points already earned still reach the cloud: their outbox events are not touched.
/// Runs after <see cref="MemberDeltaApplier"/> on the same topic (registered after it); malformed deltas are counted there.
/// </summary>
internal sealed class RevokedMemberEraser(AgentWriter writer, AgentCounters counters) : IBusHandler
{
    public string TopicFilter => CloudTopics.LocalDownFor(DownKinds.MemberDelta);

    public async Task HandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        MemberDelta? delta;
        try
        {
            delta = MemberDeltaApplier.Parse(message);
        }
        catch (System.Text.Json.JsonException)
        {
            return;
        }

        if (delta is not { Kind: MemberDeltaKind.Revoke } || string.IsNullOrWhiteSpace(delta.MemberId))
        {
            return;
        }

        var erased = await writer.WriteAsync(tx =>
        {
            // Only once the revocation is applied: a redelivered old revoke of a member who enrolled again must not
            // erase the new enrolment's cards. (A revoke held back behind a sequence gap is not erased here.)
            if (tx.Long("SELECT count(*) FROM members WHERE member_id = $1;", delta.MemberId) > 0)
            {
                return false;
            }

            foreach (var table in (string[])["punch_cards", "stamp_days", "pending_points", "points_ledger", "member_stats", "member_purchases", "wish_list"])
            {
                tx.Execute("DELETE FROM " + table + " WHERE member_id = $1;", delta.MemberId);
            }

            tx.Execute("UPDATE receipts SET member_id = NULL WHERE member_id = $1;", delta.MemberId);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (erased)
        {
            counters.Increment("loyalty.member_erased");
        }
    }
}
