using Edge.CloudSync.Hosting;
using Edge.Messaging;
using Microsoft.Extensions.Logging;

namespace Edge.CloudSync.Connection;

/// <summary>
/// One MQTT client and its first connection, made in the background (start-up never waits for a broker), retried
/// with backoff and jitter until it succeeds. <see cref="WhenConnectedAsync"/> completes once the first CONNACK
/// arrived; from then on Edge.Messaging keeps the connection (and its subscriptions) up by itself.
/// </summary>
internal sealed class MqttLink : IAsyncDisposable
{
    private readonly CloudSyncOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private Task _connecting = Task.CompletedTask;

    public MqttLink(string name, IMqttClient client, CloudSyncOptions options, TimeProvider time, ILogger logger)
    {
        Name = name;
        Client = client;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public string Name { get; }

    public IMqttClient Client { get; }

    public bool IsConnected => Client.State == MqttConnectionState.Connected;

    public void Start() => _connecting = Task.Run(ConnectLoopAsync);

    public Task WhenConnectedAsync(CancellationToken cancellationToken) => _connected.Task.WaitAsync(cancellationToken);

    /// <summary>Waits for the client to be connected now (after a drop, until Edge.Messaging reconnected it).</summary>
    public async Task WaitConnectedAsync(CancellationToken cancellationToken)
    {
        await WhenConnectedAsync(cancellationToken).ConfigureAwait(false);
        while (Client.State != MqttConnectionState.Connected)
        {
            var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnChange(object? sender, MqttConnectionStateChangedEventArgs e) => changed.TrySetResult();
            Client.StateChanged += OnChange;
            try
            {
                if (Client.State == MqttConnectionState.Connected)
                {
                    return;
                }

                await changed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Client.StateChanged -= OnChange;
            }
        }
    }

    private async Task ConnectLoopAsync()
    {
        var pipeline = ConnectRetry.Pipeline(_options, _time, (ex, delay) => CloudSyncLog.ConnectRetry(_logger, Name, Client.Endpoint, delay, ex.Message));
        try
        {
            await pipeline.ExecuteAsync(async ct => await Client.ConnectAsync(ct).ConfigureAwait(false), _stop.Token).ConfigureAwait(false);
            CloudSyncLog.Connected(_logger, Name, Client.Endpoint, Client.ClientId);
            _connected.TrySetResult();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _connecting.ConfigureAwait(false);
        if (Client.State is MqttConnectionState.Connected or MqttConnectionState.Reconnecting)
        {
            try
            {
                await Client.DisconnectAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (MqttException)
            {
                // Already gone: nothing to tell the broker.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
