using System.Diagnostics;

namespace Edge.Messaging.Benchmarks;

/// <summary>
/// One subscriber (our client) that counts what arrives per topic and when the first and last message came. Both
/// contenders publish to it, so whatever the subscriber costs weighs on both alike.
/// </summary>
internal sealed class CountingSubscriber : IArrivalCounter
{
    private readonly IMqttClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private readonly object _gate = new();
    private Tally? _current;

    // Reported so that a lossy subscriber cannot pass for a slow publisher.
    public long Dropped => _client.DroppedInboundMessages;

    private CountingSubscriber(IMqttClient client)
    {
        _client = client;
        _reading = Task.Run(ReadAsync);
    }

    public string Name => "our client (Edge.Messaging)";

    public static async Task<CountingSubscriber> StartAsync(string uri, string filter, MqttQualityOfService qos)
    {
        // A large inbound queue: the subscriber must not drop what it is here to count (drops are reported anyway).
        var client = new MqttClientFactory().Create(new MqttClientOptions { Server = uri, InboundCapacity = 1_000_000 });
        await client.ConnectAsync();
        await client.SubscribeAsync(filter, qos);
        return new CountingSubscriber(client);
    }

    public IArrivalTally Expect(string topic, int count)
    {
        var tally = new Tally(topic, count);
        lock (_gate)
        {
            _current = tally;
        }

        return tally;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
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
            Tally? tally;
            lock (_gate)
            {
                tally = _current;
            }

            if (tally is not null && tally.Topic == message.Topic)
            {
                tally.Add(Stopwatch.GetTimestamp());
            }
        }
    }

    /// <summary>Arrivals on one topic; completes when the expected count is reached.</summary>
    private sealed class Tally(string topic, int expected) : IArrivalTally
    {
        private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        public string Topic { get; } = topic;

        public int Count => Volatile.Read(ref _count);

        public long FirstTimestamp { get; private set; }

        public long LastTimestamp { get; private set; }

        public double ArrivalRate => Count < 2 ? 0 : (Count - 1) / Stopwatch.GetElapsedTime(FirstTimestamp, LastTimestamp).TotalSeconds;

        public void Add(long timestamp)
        {
            if (_count == 0)
            {
                FirstTimestamp = timestamp;
            }

            LastTimestamp = timestamp;
            if (Interlocked.Increment(ref _count) == expected)
            {
                _complete.TrySetResult();
            }
        }

        public async Task WaitAsync()
        {
            var stall = TimeSpan.FromSeconds(5);
            var seen = -1;
            while (!_complete.Task.IsCompleted && Count != seen)
            {
                seen = Count;
                await Task.WhenAny(_complete.Task, Task.Delay(stall));
            }
        }
    }
}
