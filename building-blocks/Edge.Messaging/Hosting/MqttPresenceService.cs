using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Messaging.Hosting;

/// <summary>
/// Keeps a retained state message for this process on the broker: <see cref="Running"/> after every (re)connect,
/// <see cref="Stopped"/> when the host stops, and <see cref="Offline"/> as the will, which the broker publishes when the
/// process dies or its link is lost (MQTT 5 spec 3.1.2.5). cloud-sync reports these states to HQ as the services'
/// Sparkplug metrics. Register it after the connection service so that it stops first, while still connected.
/// </summary>
public sealed class MqttPresenceService(IMqttClient client, MqttPresence presence, ILogger<MqttPresenceService> logger) : IHostedService, IDisposable
{
    public const string Running = "running";
    public const string Stopped = "stopped";
    public const string Offline = "offline";

    private readonly CancellationTokenSource _stop = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        client.StateChanged += OnStateChanged;
        if (client.State == MqttConnectionState.Connected)
        {
            _ = PublishAsync(Running, _stop.Token);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        client.StateChanged -= OnStateChanged;
        await _stop.CancelAsync().ConfigureAwait(false);
        if (client.State == MqttConnectionState.Connected)
        {
            await PublishAsync(Stopped, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _stop.Dispose();

    private void OnStateChanged(object? sender, MqttConnectionStateChangedEventArgs e)
    {
        if (e.Current == MqttConnectionState.Connected)
        {
            // The will may have replaced "running" while the link was down; say it again.
            _ = PublishAsync(Running, _stop.Token);
        }
    }

    private async Task PublishAsync(string state, CancellationToken cancellationToken)
    {
        try
        {
            await client.PublishAsync(presence.Message(state), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MqttException or OperationCanceledException or ObjectDisposedException)
        {
            // The next connect says it again; a stop that cannot say "stopped" leaves the will to say "offline".
            Diagnostics.MessagingLog.PresenceNotPublished(logger, presence.Topic, state, e.Message);
        }
    }
}
