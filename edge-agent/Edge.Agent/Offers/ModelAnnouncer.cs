using Edge.Agent.Bus;
using Edge.Contracts;
using Edge.Messaging;

namespace Edge.Agent.Offers;

/// <summary>
/// Tells the store which offer models run: retained text on store/services/edge-agent/model for the serving one
/// ("{modelId} {version}", or "none" while the rules decide) and on store/services/edge-agent/shadow-model for the
/// shadow one ("{modelId} {version}", or "none" when there is none), after every model change (swap, shadow load,
/// promotion) and after every (re)connect, since a publish while the link is down fails fast. cloud-sync reports them
/// to HQ as the Sparkplug metrics Properties/Model Version and Properties/Shadow Model Version. One publish at a time,
/// each reading the model at that moment, so neither retained value is ever an older model's.
/// </summary>
internal sealed class ModelAnnouncer(OfferModel model, IMqttClient client, BusPublisher publisher) : IHostedService, IDisposable
{
    public const string None = "none";
    public static readonly string Topic = LocalTopics.ServiceModelFor("edge-agent");
    public static readonly string ShadowTopic = LocalTopics.ServiceShadowModelFor("edge-agent");

    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _one = new(1, 1);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        model.Changed += Announce;
        client.StateChanged += OnStateChanged;
        if (client.State == MqttConnectionState.Connected)
        {
            Announce();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        model.Changed -= Announce;
        client.StateChanged -= OnStateChanged;
        _stop.Cancel();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _stop.Dispose();
        _one.Dispose();
    }

    private void OnStateChanged(object? sender, MqttConnectionStateChangedEventArgs e)
    {
        if (e.Current == MqttConnectionState.Connected)
        {
            Announce();
        }
    }

    private void Announce() => _ = AnnounceAsync(_stop.Token);

    private async Task AnnounceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _one.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        try
        {
            // BusPublisher logs and counts a failed publish; the next connect says it again. Each topic is read just
            // before its own publish, and every change starts another round, so the last round leaves both on the
            // latest models (between the two publishes of a promotion HQ may briefly see the version on both).
            await publisher.PublishTextAsync(Topic, model.Description ?? None, retain: true, cancellationToken).ConfigureAwait(false);
            await publisher.PublishTextAsync(ShadowTopic, model.ShadowDescription ?? None, retain: true, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _one.Release();
        }
    }
}
