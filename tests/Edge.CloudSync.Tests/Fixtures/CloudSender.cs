using System.Globalization;
using System.Security.Cryptography;
using Edge.Contracts.Cloud;
using Edge.Messaging;
using Edge.TestKit;

namespace Edge.CloudSync.Tests.Fixtures;

/// <summary>Plays the loyalty cloud's sender: publishes down messages (envelope in MQTT 5 user properties, signed with a test key) and commands.</summary>
internal sealed class CloudSender : IAsyncDisposable
{
    private readonly IMqttClient _client;

    private CloudSender(IMqttClient client, ECDsa key)
    {
        _client = client;
        Key = key;
    }

    public ECDsa Key { get; }

    public IMqttClient Client => _client;

    public static async Task<CloudSender> StartAsync(CloudPki pki, int port)
    {
        var client = new MqttClientFactory().Create(new MqttClientOptions
        {
            Server = $"mqtts://127.0.0.1:{port}",
            ClientId = "cloud-sender",
            CaFile = pki.CaFile,
            ClientCertificateFile = pki.ConsumerCertificateFile,
            ClientKeyFile = pki.ConsumerKeyFile,
        });
        await client.ConnectAsync();
        return new CloudSender(client, ECDsa.Create(ECCurve.NamedCurves.nistP256));
    }

    /// <summary>Writes the signing public key as PEM (what cloud-sync's SigningPublicKeyFile points to).</summary>
    public string WritePublicKey(string path)
    {
        File.WriteAllText(path, Key.ExportSubjectPublicKeyInfoPem());
        return path;
    }

    public static MqttMessage Down(string topicStore, string kind, string messageId, long sequence, byte[] payload, string? storeIdProperty = null, ECDsa? signWith = null, IEnumerable<MqttUserProperty>? extra = null)
    {
        var store = storeIdProperty ?? topicStore;
        var props = new List<MqttUserProperty>
        {
            new(DownProperties.MessageId, messageId),
            new(DownProperties.Sequence, sequence.ToString(CultureInfo.InvariantCulture)),
            new(DownProperties.StoreId, store),
            new(DownProperties.IssuedAt, "2026-11-23T09:00:00.0000000+00:00"),
        };
        if (signWith is not null)
        {
            props.Add(new(DownProperties.Signature, Convert.ToBase64String(DownProperties.Sign(signWith, store, kind, messageId, sequence, payload))));
        }

        props.AddRange(extra ?? []);
        return new MqttMessage(CloudTopics.Down(topicStore, kind), payload) { Qos = MqttQualityOfService.AtLeastOnce, UserProperties = props };
    }

    public Task PublishAsync(MqttMessage message) => _client.PublishAsync(message);

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        Key.Dispose();
    }
}
