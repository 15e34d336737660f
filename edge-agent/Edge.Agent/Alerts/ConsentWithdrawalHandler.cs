using System.Text.Json;
using Edge.Agent.Bus;
using Edge.Agent.Members;
using Edge.Contracts.Agent;
using Edge.Contracts.Cloud;
using Edge.Messaging;

namespace Edge.Agent.Alerts;

/// <summary>
/// Watches the member deltas that <see cref="MemberDeltaApplier"/> applies (same topic, handled after it by
/// the dispatcher) for a revocation or an upsert without staff-alert consent, and withdraws that member's open
/// alerts. Malformed deltas are counted by the applier; here they are skipped.
/// </summary>
internal sealed class ConsentWithdrawalHandler(StaffAlertService alerts) : IBusHandler
{
    public string TopicFilter => CloudTopics.LocalDownFor(DownKinds.MemberDelta);

    public async Task HandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        MemberDelta? delta;
        try
        {
            delta = MemberDeltaApplier.Parse(message);
        }
        catch (JsonException)
        {
            return;
        }

        if (delta is null || string.IsNullOrWhiteSpace(delta.MemberId))
        {
            return;
        }

        if (delta.Kind == MemberDeltaKind.Revoke || delta.Consent is { StaffAlerts: false })
        {
            await alerts.WithdrawAsync(delta.MemberId, cancellationToken).ConfigureAwait(false);
        }
    }
}
