using System.Text.Json;
using Edge.BeaconGateway.Diagnostics;
using Edge.BeaconGateway.Members;
using Edge.BeaconGateway.Presence;
using Edge.Contracts.Agent;
using Edge.Messaging;
using Microsoft.Extensions.Logging;

namespace Edge.BeaconGateway.Mqtt;

/// <summary>
/// edge-agent's key-table updates (<see cref="AgentTopics.MemberKeys"/>, retained, QoS 1). Revoked members are dropped
/// from the ID table and from presence first, so they stop being recognised within the message's round trip (the
/// privacy promise: well within a second); then the rewritten EMK1 file is loaded. Updates whose version is not newer
/// than the last applied (a retained copy after a reconnect, a replay) are ignored. A malformed message or an
/// unreadable file is logged and counted; the current table keeps serving.
/// </summary>
public sealed class MemberKeysHandler(
    RotatingIdResolver resolver,
    PresenceEngine presence,
    string? keyEncryptionKeyFile,
    ILogger<MemberKeysHandler> logger) : ILocalBusHandler
{
    private long _appliedVersion = -1;

    public IReadOnlyList<MqttSubscription> Subscriptions { get; } = [new MqttSubscription(AgentTopics.MemberKeys, MqttQualityOfService.AtLeastOnce)];

    public long Applied { get; private set; }

    public long Rejected { get; private set; }

    /// <summary>Raised after an update was handled (applied, ignored as old, or rejected), with its outcome.</summary>
    public event Action<string>? Handled;

    public async ValueTask<bool> TryHandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        if (message.Topic != AgentTopics.MemberKeys)
        {
            return false;
        }

        MemberKeysUpdate? update;
        try
        {
            update = JsonSerializer.Deserialize(message.Payload.Span, AgentBusJsonContext.Default.MemberKeysUpdate);
        }
        catch (JsonException ex)
        {
            return Reject("not a member keys update: " + ex.Message);
        }

        if (update is null || string.IsNullOrEmpty(update.KeyFile) || update.Revoked is null)
        {
            return Reject("the update lacks the key file or the revoked list");
        }

        if (update.Version <= _appliedVersion)
        {
            Handled?.Invoke("old");
            return true;
        }

        if (update.Revoked.Count > 0)
        {
            resolver.Revoke(update.Revoked.ToHashSet(StringComparer.Ordinal));
            foreach (var member in update.Revoked)
            {
                presence.Forget(member);
            }
        }

        if (string.IsNullOrEmpty(keyEncryptionKeyFile))
        {
            return Reject("BeaconGateway:Members:KeyEncryptionKeyFile is not set, so the key file cannot be read (revocations were applied)");
        }

        try
        {
            var keys = await new EncryptedMemberKeyFile(update.KeyFile, keyEncryptionKeyFile).LoadAsync(cancellationToken).ConfigureAwait(false);
            resolver.UpdateKeys(keys);
            GatewayLog.KeysLoaded(logger, keys.Count, update.KeyFile);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return Reject($"{update.KeyFile} cannot be loaded ({ex.Message}); revocations were applied, the rest of the table is unchanged");
        }

        _appliedVersion = update.Version;
        Applied++;
        Handled?.Invoke("applied");
        return true;
    }

    private bool Reject(string reason)
    {
        Rejected++;
        GatewayLog.KeysUpdateRejected(logger, reason);
        Handled?.Invoke("rejected");
        return true;
    }
}
