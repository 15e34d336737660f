using Edge.Contracts.Cloud;
using System.Text.Json;
using Edge.Contracts;
using Edge.Contracts.Agent;
using Edge.Contracts.Presence;
using Edge.Kiosk.Agent;
using Edge.Kiosk.Hosting;
using Edge.Kiosk.Live;
using Edge.Kiosk.Sessions;
using Edge.Messaging;
using Microsoft.Extensions.Options;

namespace Edge.Kiosk.Proximity;

/// <summary>
/// Connects the kiosk to the hub's local broker and handles what it hears: offers issued in this kiosk's zone and
/// presence changes (the proximity greeting), and pairing confirmations for this kiosk's QR codes. Every bad message
/// is logged with its topic and counted, never thrown.
/// </summary>
internal sealed class LocalBusListener(
    IMqttClient bus,
    ProximityBoard board,
    PairingService pairing,
    KioskSessionStore sessions,
    AgentClient agent,
    LiveNotifier live,
    IOptions<KioskOptions> options,
    TimeProvider time,
    ILogger<LocalBusListener> logger) : BackgroundService
{
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _badMessages;

    /// <summary>Completes once the kiosk's subscriptions are in place (tests and the health page wait on it).</summary>
    public Task Subscribed => _subscribed.Task;

    public long BadMessages => Interlocked.Read(ref _badMessages);

    public string OffersTopic { get; } = AgentTopics.OffersFor(options.Value.Zone);

    /// <summary>Pairing confirmations the cloud relays for every kiosk of the store (cloud-sync forwards them here).</summary>
    public string PairingTopic { get; } = CloudTopics.LocalDownFor(DownKinds.KioskPairing);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await ConnectAndSubscribeAsync(stoppingToken))
        {
            return;
        }

        try
        {
            await foreach (var message in bus.Messages.ReadAllAsync(stoppingToken))
            {
                await HandleAsync(message, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task HandleAsync(MqttMessage message, CancellationToken ct)
    {
        try
        {
            if (message.Topic == OffersTopic)
            {
                var offer = JsonSerializer.Deserialize(message.Payload.Span, AgentBusJsonContext.Default.OfferIssued)
                    ?? throw new JsonException("empty offer");
                if (string.IsNullOrWhiteSpace(offer.FirstName) || offer.Offer is null)
                {
                    throw new JsonException("offer without first name or offer");
                }

                if (board.Apply(offer))
                {
                    await live.GreetingChangedAsync(ct);
                }
            }
            else if (message.Topic.StartsWith(PresenceTopics.Members + "/", StringComparison.Ordinal))
            {
                var presence = JsonSerializer.Deserialize(message.Payload.Span, PresenceJsonContext.Default.PresenceEvent)
                    ?? throw new JsonException("empty presence event");
                if (board.Apply(presence))
                {
                    await live.GreetingChangedAsync(ct);
                }
            }
            else if (message.Topic == PairingTopic)
            {
                var down = JsonSerializer.Deserialize(message.Payload.Span, CloudJsonContext.Default.LocalDownEvent)
                    ?? throw new JsonException("empty down event");
                var confirmation = down.Body.Deserialize(CloudJsonContext.Default.KioskPairingConfirmation)
                    ?? throw new JsonException("empty pairing confirmation");
                if (confirmation.KioskId == options.Value.KioskId)
                {
                    await ConfirmPairingAsync(confirmation, ct);
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException)
        {
            Interlocked.Increment(ref _badMessages);
            KioskLog.BadBusMessage(logger, message.Topic, ex.Message);
        }
    }

    private async Task ConfirmPairingAsync(KioskPairingConfirmation confirmation, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(confirmation.Nonce) || string.IsNullOrEmpty(confirmation.PairingToken) || confirmation.PairingToken.Length > 256)
        {
            throw new JsonException("pairing confirmation without nonce or with an absurd token");
        }

        var (open, refusal) = pairing.Claim(confirmation.Nonce);
        var session = sessions.Find(open?.KioskSessionId);
        if (refusal != PairingRefusal.None || session is null)
        {
            KioskLog.PairingRefused(logger, refusal == PairingRefusal.Expired ? "expired QR" : "unknown or used QR");
            if (session is not null)
            {
                session.PairingMessageKey = "login.qrExpired";
            }

            return;
        }

        LoginResponse? login;
        try
        {
            login = await agent.LoginQrAsync(confirmation.PairingToken, ct);
        }
        catch (AgentUnavailableException)
        {
            session.PairingMessageKey = "login.offline";
            return;
        }
        catch (AgentRefusedException)
        {
            login = null;
        }

        if (login is null)
        {
            KioskLog.PairingRefused(logger, "edge-agent did not accept the app's pairing token");
            session.PairingMessageKey = "login.qrInvalid";
            return;
        }

        session.Login = login;
        session.LastActivity = time.GetUtcNow();
        session.PairingNonce = null;
        board.Clear();
        await live.NavigateAsync(session.Id, "/member", ct);
    }

    private async Task<bool> ConnectAndSubscribeAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (bus.State != MqttConnectionState.Connected)
                {
                    await bus.ConnectAsync(ct);
                }

                await bus.SubscribeAsync(
                [
                    new MqttSubscription(OffersTopic, MqttQualityOfService.AtLeastOnce),
                    new MqttSubscription(PresenceTopics.Members + "/+", MqttQualityOfService.AtLeastOnce),
                    new MqttSubscription(PairingTopic, MqttQualityOfService.AtLeastOnce),
                ], ct);
                _subscribed.TrySetResult();
                return true;
            }
            catch (Exception ex) when (ex is MqttException or InvalidOperationException or TimeoutException)
            {
                KioskLog.SubscribeFailed(logger, ex.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), time, ct);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return false;
    }
}
