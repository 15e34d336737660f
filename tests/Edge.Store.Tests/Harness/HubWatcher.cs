using System.Globalization;
using Edge.Messaging;

namespace Edge.Store.Tests.Harness;

/// <summary>
/// A listener on the hub's broker from before the members are enrolled: keeps every presence, offer, staff-alert and
/// outbox message the store's services publish, so the test can look back at the whole run.
/// </summary>
internal sealed class HubWatcher : IAsyncDisposable
{
    private static readonly string[] Filters = ["store/presence/members/#", "store/offers/#", "store/staff/alerts/#", "store/outbox/#"];

    private readonly IMqttClient _client;
    private readonly List<MqttMessage> _seen = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;

    private HubWatcher(IMqttClient client)
    {
        _client = client;
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>Connects once the demo's hub broker listens (the script starts it first, well before any member exists).</summary>
    public static async Task<HubWatcher> ConnectAsync(int port, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var client = new MqttClientFactory().Create(new MqttClientOptions
            {
                Server = $"mqtt://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
                ClientId = "store-e2e-watcher",
            });
            try
            {
                await client.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(5));
                await client.SubscribeAsync([.. Filters.Select(f => new MqttSubscription(f, MqttQualityOfService.AtLeastOnce))]).WaitAsync(TimeSpan.FromSeconds(5));
                return new HubWatcher(client);
            }
            catch (Exception ex) when (ex is MqttException or TimeoutException && DateTimeOffset.UtcNow < deadline)
            {
                await client.DisposeAsync();
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }

    public IReadOnlyList<MqttMessage> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    public IReadOnlyList<MqttMessage> On(string topicPrefix) => [.. Seen.Where(m => m.Topic.StartsWith(topicPrefix, StringComparison.Ordinal))];

    /// <summary>Waits (polling the kept messages) until one matches; throws naming <paramref name="what"/> when none came.</summary>
    public async Task<MqttMessage> WaitForAsync(string what, Func<MqttMessage, bool> match, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (Seen.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"{what} did not happen within {timeout}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader;
        }
        catch (OperationCanceledException)
        {
        }

        await _client.DisposeAsync();
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        await foreach (var message in _client.Messages.ReadAllAsync(_stop.Token))
        {
            lock (_seen)
            {
                _seen.Add(message);
            }
        }
    }
}
