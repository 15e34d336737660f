using System.Text.Json;
using Edge.Contracts.Cloud;
using Edge.Messaging;
using Edge.TestKit;

namespace Edge.CloudSync.Tests.Fixtures;

/// <summary>Plays edge-agent on the local bus: records every LocalDownEvent on store/down/#.</summary>
internal sealed class LocalObserver : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly List<LocalDownEvent> _events = [];
    private readonly Task _pump;
    private readonly CancellationTokenSource _stop = new();

    private LocalObserver(IMqttClient client)
    {
        _client = client;
        _pump = Task.Run(PumpAsync);
    }

    public static async Task<LocalObserver> StartAsync(MosquittoBroker local)
    {
        var client = new MqttClientFactory().Create(new MqttClientOptions { Server = local.Uri });
        await client.ConnectAsync();
        await client.SubscribeAsync([new MqttSubscription(CloudTopics.LocalDown + "/#")]);
        return new LocalObserver(client);
    }

    public IReadOnlyList<LocalDownEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var m in _client.Messages.ReadAllAsync(_stop.Token))
            {
                var e = JsonSerializer.Deserialize(m.Payload.Span, CloudJsonContext.Default.LocalDownEvent)!;
                lock (_events)
                {
                    _events.Add(e);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        await _client.DisposeAsync();
        _stop.Dispose();
    }
}
