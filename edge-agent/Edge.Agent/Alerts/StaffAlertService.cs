using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edge.Agent.Bus;
using Edge.Agent.Members;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Alerts;

/// <summary>
/// The staff-alert lifecycle, each step one write in the one writer (so two taps cannot both win and a claim cannot
/// race an escalation): raise (cooldown per member, route to a clerk), claim (first wins), escalate or expire when the
/// claim deadline passes, withdraw when the member revokes or withdraws alert consent. Messages go to the local bus
/// only after the commit; nothing of an alert goes to the outbox (see <see cref="AlertReporter"/> for the aggregate).
/// </summary>
internal sealed class StaffAlertService(
    AgentDatabase database,
    AgentWriter writer,
    BusPublisher publisher,
    AlertScheduler scheduler,
    IOptions<AlertsOptions> options,
    TimeProvider time,
    AgentCounters counters,
    ILogger<StaffAlertService> logger)
{
    public async Task<RaiseOutcome> RaiseAsync(string triggerId, MemberRecord member, string zone, HelpSignal signal, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var alertId = "alr-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(triggerId + "|" + member.MemberId)))[..24];
        var content = new AlertContent(member.FirstName, signal.Interest, signal.Reason, signal.Product?.Name, signal.Product?.KeySpecs);
        var (outcome, alert) = await writer.WriteAsync(tx =>
        {
            if (tx.Long("SELECT count(*) FROM staff_alerts WHERE alert_id = $1;", alertId) > 0)
            {
                return (RaiseOutcome.Replay, (StaffAlert?)null);
            }

            var memberRef = AlertStore.MemberRef(tx, member.MemberId);
            if (tx.Long("SELECT count(*) FROM staff_alerts WHERE member_ref = $1 AND created_at > $2;", memberRef, AlertStore.At(now - o.MemberCooldown)) > 0)
            {
                return (RaiseOutcome.Cooldown, null);
            }

            var clerk = AlertStore.Route(tx, zone, [], o, now);
            if (clerk is null)
            {
                return (RaiseOutcome.NoClerk, null);
            }

            var claimBy = now + o.ClaimTimeout;
            tx.Execute(
                """
                INSERT INTO staff_alerts(alert_id, member_id, member_ref, zone, clerk_id, escalation, status, created_at, hour, claim_by, offered, content)
                VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8, $9, $10, $11);
                """,
                alertId, member.MemberId, memberRef, zone, clerk.ClerkId, AlertStore.Open, AlertStore.At(now), AlertStore.HourOf(now), AlertStore.At(claimBy),
                AlertStore.OfferedJson([clerk.ClerkId]), JsonSerializer.Serialize(content, AlertsJsonContext.Default.AlertContent));
            AlertStore.Deliver(tx, alertId, clerk.ClerkId, now);
            return (RaiseOutcome.Raised, ToAlert(alertId, clerk.ClerkId, zone, content, 0, now, claimBy));
        }, cancellationToken).ConfigureAwait(false);

        counters.Increment("alerts." + outcome switch
        {
            RaiseOutcome.Raised => "raised",
            RaiseOutcome.Replay => "replayed",
            RaiseOutcome.Cooldown => "cooldown",
            _ => "no_clerk",
        });
        if (outcome == RaiseOutcome.NoClerk)
        {
            AlertsLog.NoClerk(logger, zone);
        }

        if (alert is not null)
        {
            scheduler.Arm(alert.ClaimBy);
            var messages = new AlertMessages();
            messages.Alerts.Add(alert);
            await PublishAsync(messages, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    public async Task<ClaimResult> ClaimAsync(string alertId, string clerkId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var messages = new AlertMessages();
        var result = await writer.WriteAsync(tx =>
        {
            using var command = tx.Command("SELECT status, claimed_by, offered, created_at FROM staff_alerts WHERE alert_id = $1;", alertId);
            string status, offered, createdAt;
            string? claimedBy;
            using (var reader = command.ExecuteReader())
            {
                if (!reader.Read())
                {
                    return new ClaimResult(ClaimOutcome.Unknown, null);
                }

                (status, claimedBy, offered, createdAt) = (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3));
            }

            var clerks = AlertStore.Offered(offered);
            if (!clerks.Contains(clerkId, StringComparer.Ordinal))
            {
                return new ClaimResult(ClaimOutcome.NotOffered, null);
            }

            if (status != AlertStore.Open)
            {
                return claimedBy is null ? new ClaimResult(ClaimOutcome.Closed, null)
                    : new ClaimResult(claimedBy == clerkId ? ClaimOutcome.Replay : ClaimOutcome.AlreadyClaimed, claimedBy);
            }

            var seconds = (now - AlertStore.Parse(createdAt)).TotalSeconds;
            AlertStore.Close(tx, alertId, "claimed", now, clerkId, seconds);
            messages.Close(clerks, new StaffAlertClosed(alertId, "claimed", clerkId, now));
            AlertsLog.Claimed(logger, alertId, clerkId, seconds);
            return new ClaimResult(ClaimOutcome.Claimed, clerkId);
        }, cancellationToken).ConfigureAwait(false);
        counters.Increment("alerts.claim_" + result.Outcome.ToString().ToLowerInvariant());
        await PublishAsync(messages, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Every open alert past its claim deadline goes to the next free clerk, or expires when there is none or it ran out of hand-offs.</summary>
    public async Task EscalateDueAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var messages = new AlertMessages();
        await writer.WriteAsync(tx =>
        {
            var due = new List<(string Id, string Zone, string Clerk, int Escalation, string Offered, string? Content, string CreatedAt)>();
            using (var command = tx.Command(
                "SELECT alert_id, zone, clerk_id, escalation, offered, content, created_at FROM staff_alerts WHERE status = $1 AND claim_by <= $2 ORDER BY claim_by;",
                AlertStore.Open, AlertStore.At(now)))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    due.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), (int)reader.GetInt64(3), reader.GetString(4),
                        reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6)));
                }
            }

            foreach (var alert in due)
            {
                var offered = AlertStore.Offered(alert.Offered);
                var next = alert.Escalation < o.MaxEscalations ? AlertStore.Route(tx, alert.Zone, offered, o, now) : null;
                var content = alert.Content is null ? null : JsonSerializer.Deserialize(alert.Content, AlertsJsonContext.Default.AlertContent);
                if (next is null || content is null)
                {
                    AlertStore.Close(tx, alert.Id, "expired", now, null, null);
                    messages.Close([alert.Clerk], new StaffAlertClosed(alert.Id, "expired", null, now));
                    counters.Increment("alerts.expired");
                    AlertsLog.Closed(logger, alert.Id, "expired");
                    continue;
                }

                var claimBy = now + o.ClaimTimeout;
                tx.Execute(
                    "UPDATE staff_alerts SET clerk_id = $2, escalation = escalation + 1, claim_by = $3, offered = $4 WHERE alert_id = $1;",
                    alert.Id, next.ClerkId, AlertStore.At(claimBy), AlertStore.OfferedJson([.. offered, next.ClerkId]));
                AlertStore.Deliver(tx, alert.Id, next.ClerkId, now);
                messages.Close([alert.Clerk], new StaffAlertClosed(alert.Id, "escalated", null, now));
                messages.Alerts.Add(ToAlert(alert.Id, next.ClerkId, alert.Zone, content, alert.Escalation + 1, AlertStore.Parse(alert.CreatedAt), claimBy));
                counters.Increment("alerts.escalated");
            }
        }, cancellationToken).ConfigureAwait(false);
        await PublishAsync(messages, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The member revoked or withdrew alert consent: their open alerts close as "withdrawn" and wearables clear them.</summary>
    public async Task WithdrawAsync(string memberId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var messages = new AlertMessages();
        await writer.WriteAsync(tx =>
        {
            var open = new List<(string Id, string Offered)>();
            using (var command = tx.Command("SELECT alert_id, offered FROM staff_alerts WHERE member_id = $1 AND status = $2;", memberId, AlertStore.Open))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    open.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var (id, offered) in open)
            {
                AlertStore.Close(tx, id, "withdrawn", now, null, null);
                messages.Close(AlertStore.Offered(offered), new StaffAlertClosed(id, "withdrawn", null, now));
                counters.Increment("alerts.withdrawn");
                AlertsLog.Closed(logger, id, "withdrawn");
            }
        }, cancellationToken).ConfigureAwait(false);
        await PublishAsync(messages, cancellationToken).ConfigureAwait(false);
    }

    public DateTimeOffset? NextDeadline() => database.Read(c =>
        c.Scalar("SELECT min(claim_by) FROM staff_alerts WHERE status = $1;", AlertStore.Open) is string at ? AlertStore.Parse(at) : (DateTimeOffset?)null);

    private static StaffAlert ToAlert(string alertId, string clerkId, string zone, AlertContent content, int escalation, DateTimeOffset createdAt, DateTimeOffset claimBy) =>
        new(alertId, clerkId, zone, content.FirstName, content.Interest, content.Reason, escalation, createdAt, claimBy, content.Product, content.KeySpecs);

    private async Task PublishAsync(AlertMessages messages, CancellationToken cancellationToken)
    {
        foreach (var (clerk, closed) in messages.Closings)
        {
            await publisher.PublishAsync(AgentTopics.StaffAlertClosedFor(clerk), closed, AgentBusJsonContext.Default.StaffAlertClosed, retain: false, cancellationToken).ConfigureAwait(false);
        }

        foreach (var alert in messages.Alerts)
        {
            await publisher.PublishAsync(AgentTopics.StaffAlertFor(alert.ClerkId), alert, AgentBusJsonContext.Default.StaffAlert, retain: false, cancellationToken).ConfigureAwait(false);
            AlertsLog.Sent(logger, alert.AlertId, alert.Zone, alert.ClerkId, alert.Escalation);
        }
    }
}
