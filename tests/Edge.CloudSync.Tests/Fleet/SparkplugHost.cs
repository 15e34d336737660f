using Edge.CloudSync.Tests.Fixtures;
using Edge.Messaging;
using Edge.Sparkplug.Protobuf;
using Edge.TestKit;

namespace Edge.CloudSync.Tests.Fleet;

/// <summary>Plays a Sparkplug host application on the cloud broker: records everything under spBv1.0/# and sends NCMD.</summary>
internal sealed class SparkplugHost : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly List<MqttMessage> _messages = [];
    private readonly Task _pump;
    private readonly CancellationTokenSource _stop = new();

    private SparkplugHost(IMqttClient client)
    {
        _client = client;
        _pump = Task.Run(PumpAsync);
    }

    public static async Task<SparkplugHost> StartAsync(CloudPki pki, int port)
    {
        var client = new MqttClientFactory().Create(new MqttClientOptions
        {
            Server = $"mqtts://127.0.0.1:{port}",
            ClientId = "sparkplug-host",
            CaFile = pki.CaFile,
            ClientCertificateFile = pki.ConsumerCertificateFile,
            ClientKeyFile = pki.ConsumerKeyFile,
        });
        await client.ConnectAsync();
        await client.SubscribeAsync([new MqttSubscription("spBv1.0/#")]);
        return new SparkplugHost(client);
    }

    public IReadOnlyList<MqttMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public static Payload Decode(MqttMessage m) => Payload.Parser.ParseFrom(m.Payload.Span);

    public static string Type(MqttMessage m) => m.Topic.Split('/')[2];

    /// <summary>Waits (deadline, not a sleep) for a message after index <paramref name="from"/> that matches.</summary>
    public async Task<MqttMessage> WaitForAsync(Func<MqttMessage, bool> match, int from = 0, string what = "message")
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (true)
        {
            var found = Messages.Skip(from).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"no {what} within 30 s; seen: {string.Join(", ", Messages.Select(m => m.Topic))}");
            }

            await Task.Delay(20); // polling a condition with a deadline
        }
    }

    public Task CommandAsync(string topic, string metric) =>
        _client.PublishAsync(new MqttMessage(topic, Google.Protobuf.MessageExtensions.ToByteArray(new Payload
        {
            Timestamp = 1,
            Metrics = { new Payload.Types.Metric { Name = metric, Datatype = 11, BooleanValue = true } },
        })));

    /// <summary>Any payload on any topic (bad NCMDs).</summary>
    public Task SendAsync(string topic, byte[] payload) => _client.PublishAsync(new MqttMessage(topic, payload));

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var m in _client.Messages.ReadAllAsync(_stop.Token))
            {
                lock (_messages)
                {
                    _messages.Add(m);
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
