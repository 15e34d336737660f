using Edge.Agent.Bus;
using Edge.Contracts;
using Edge.Messaging;

namespace Edge.Agent.Offers;

/// <summary>
/// Tells the store which offer model serves: retained text on store/services/edge-agent/model ("{modelId} {version}",
/// or "none" while the rules decide), after every model swap and after every (re)connect, since a publish while the
/// link is down fails fast. cloud-sync reports it to HQ as the Sparkplug metric Properties/Model Version. One publish
/// at a time, each reading the model at that moment, so the retained value is never an older model's.
/// </summary>
internal sealed class ModelAnnouncer(OfferModel model, IMqttClient client, BusPublisher publisher) : IHostedService, IDisposable
{
    public const string None = "none";
    public static readonly string Topic = LocalTopics.ServiceModelFor("edge-agent");

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
            // BusPublisher logs and counts a failed publish; the next connect says it again.
            await publisher.PublishTextAsync(Topic, model.Description ?? None, retain: true, cancellationToken).ConfigureAwait(false);
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
