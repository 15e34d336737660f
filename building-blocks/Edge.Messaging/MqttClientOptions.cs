namespace Edge.Messaging;

/// <summary>
/// How to reach and talk to one broker. A mutable options class so that it binds from configuration
/// (section "Mqtt" by convention); <see cref="Validate"/> turns every mistake into one clear message.
/// </summary>
public sealed class MqttClientOptions
{
    /// <summary>mqtt://host[:1883] or mqtts://host[:8883].</summary>
    public string Server { get; set; } = "mqtt://127.0.0.1:1883";

    public MqttProtocolVersion ProtocolVersion { get; set; } = MqttProtocolVersion.V500;

    /// <summary>Empty = generated ("edge-" and 16 hex digits, within MQTT 3.1.1's 23 characters).</summary>
    public string? ClientId { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>PEM file of the CA that signed the broker's certificate (mqtts only). Host name verification is always on.</summary>
    public string? CaFile { get; set; }

    /// <summary>PEM client certificate for mutual TLS (with <see cref="ClientKeyFile"/>).</summary>
    public string? ClientCertificateFile { get; set; }

    /// <summary>PEM private key (unencrypted) of <see cref="ClientCertificateFile"/>.</summary>
    public string? ClientKeyFile { get; set; }

    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>False with <see cref="SessionExpiry"/> > 0 keeps subscriptions and queued QoS 1 messages across disconnects.</summary>
    public bool CleanStart { get; set; } = true;

    /// <summary>
    /// MQTT 5 Session Expiry Interval. Zero ends the session with the connection even when CleanStart is false
    /// (mosquitto then drops what was published while the client was away).
    /// </summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.Zero;

    /// <summary>Published by the broker when this client disappears without DISCONNECT (MQTT 5 properties allowed).</summary>
    public MqttMessage? Will { get; set; }

    /// <summary>
    /// Our own DISCONNECT (DisconnectAsync, DisposeAsync) carries reason code 0x04, Disconnect with Will Message
    /// (MQTT 5.0 section 3.14.2.1), so the broker publishes <see cref="Will"/> then too. For a client whose will is the
    /// last word on its state (a Sparkplug primary host's STATE): whichever way the process ends, the broker says it.
    /// MQTT 5 only.
    /// </summary>
    public bool PublishWillOnDisconnect { get; set; }

    public MqttReconnectOptions Reconnect { get; set; } = new();

    public MqttOfflinePublishPolicy OfflinePublish { get; set; } = MqttOfflinePublishPolicy.FailFast;

    /// <summary>Capacity of <see cref="IMqttClient.Messages"/>.</summary>
    public int InboundCapacity { get; set; } = 10_000;

    public MqttInboundFullMode InboundFullMode { get; set; } = MqttInboundFullMode.DropNewest;

    /// <summary>QoS 1/2 messages in flight before libmosquitto queues further publishes (MQTT 5 Receive Maximum permitting).</summary>
    public int MaxInflight { get; set; } = 100;

    /// <summary>Responses to <see cref="IMqttClient.RequestAsync"/> arrive on "{prefix}/{client id}".</summary>
    public string ResponseTopicPrefix { get; set; } = "edge/responses";

    /// <summary>Throws <see cref="ArgumentException"/> listing every invalid setting.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        MqttEndpoint? endpoint = null;
        try
        {
            endpoint = MqttEndpoint.Parse(Server);
        }
        catch (FormatException e)
        {
            errors.Add(e.Message);
        }

        if (KeepAlive < TimeSpan.FromSeconds(5) || KeepAlive > TimeSpan.FromSeconds(65535))
        {
            errors.Add($"KeepAlive must be between 5 s and 65535 s (spec 3.1.2.10); it is {KeepAlive}.");
        }

        if (SessionExpiry < TimeSpan.Zero || SessionExpiry.TotalSeconds > uint.MaxValue)
        {
            errors.Add($"SessionExpiry must be between 0 and {uint.MaxValue} s; it is {SessionExpiry}.");
        }

        if (SessionExpiry > TimeSpan.Zero && ProtocolVersion != MqttProtocolVersion.V500)
        {
            errors.Add("SessionExpiry needs MQTT 5 (with 3.1.1 use CleanStart=false alone).");
        }

        if (InboundCapacity < 1)
        {
            errors.Add($"InboundCapacity must be at least 1; it is {InboundCapacity}.");
        }

        if (MaxInflight is < 1 or > 65535)
        {
            errors.Add($"MaxInflight must be between 1 and 65535; it is {MaxInflight}.");
        }

        if (ClientId is { Length: > 0 } id && (id.Contains('\0', StringComparison.Ordinal) || System.Text.Encoding.UTF8.GetByteCount(id) > 65535))
        {
            errors.Add("ClientId must be UTF-8 without NUL and at most 65535 bytes.");
        }

        if ((ClientCertificateFile is null) != (ClientKeyFile is null))
        {
            errors.Add("ClientCertificateFile and ClientKeyFile go together (mutual TLS needs both).");
        }

        if (endpoint is { UseTls: false } && (CaFile is not null || ClientCertificateFile is not null))
        {
            errors.Add($"CaFile/ClientCertificateFile are set but the server '{Server}' is not mqtts://.");
        }

        if (endpoint is { UseTls: true } && CaFile is null)
        {
            errors.Add("mqtts:// needs CaFile (the CA that signed the broker's certificate).");
        }

        foreach (var file in new[] { CaFile, ClientCertificateFile, ClientKeyFile })
        {
            if (file is not null && !File.Exists(file))
            {
                errors.Add($"TLS file '{file}' does not exist.");
            }
        }

        if (Password is not null && Username is null)
        {
            errors.Add("Password without Username.");
        }

        if (Will is { } will)
        {
            if (MqttTopicFilter.ValidateTopicName(will.Topic) is { } willError)
            {
                errors.Add("Will topic: " + willError);
            }

            if (will.ValidateStringProperties() is { } willPropertyError)
            {
                errors.Add("Will " + willPropertyError);
            }

            if (ProtocolVersion != MqttProtocolVersion.V500 && will.HasV5Properties)
            {
                errors.Add("Will has MQTT 5 properties but the protocol is 3.1.1.");
            }
        }

        if (PublishWillOnDisconnect && (Will is null || ProtocolVersion != MqttProtocolVersion.V500))
        {
            errors.Add("PublishWillOnDisconnect needs a Will and MQTT 5 (reason code 0x04 does not exist in 3.1.1).");
        }

        if (MqttTopicFilter.ValidateTopicName(ResponseTopicPrefix) is { } prefixError)
        {
            errors.Add("ResponseTopicPrefix: " + prefixError);
        }

        errors.AddRange(Reconnect.Validate());

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid MQTT client options: " + string.Join(" ", errors));
        }
    }
}
