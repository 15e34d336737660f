using System.Text;

namespace Edge.Messaging;

/// <summary>An application message, as published or as received. MQTT 5 properties are empty/null when unused.</summary>
public sealed record MqttMessage(string Topic, ReadOnlyMemory<byte> Payload)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public MqttQualityOfService Qos { get; init; } = MqttQualityOfService.AtLeastOnce;

    public bool Retain { get; init; }

    /// <summary>MQTT 5 content type (e.g. application/json).</summary>
    public string? ContentType { get; init; }

    /// <summary>MQTT 5 Payload Format Indicator: true when the payload is UTF-8 text.</summary>
    public bool PayloadIsUtf8 { get; init; }

    /// <summary>MQTT 5 message expiry; null = never expires. Whole seconds on the wire.</summary>
    public TimeSpan? MessageExpiry { get; init; }

    public string? ResponseTopic { get; init; }

    public ReadOnlyMemory<byte> CorrelationData { get; init; }

    public IReadOnlyList<MqttUserProperty> UserProperties { get; init; } = [];

    /// <summary>A message whose payload is <paramref name="text"/> as UTF-8 (Payload Format Indicator set).</summary>
    public static MqttMessage FromString(string topic, string text, MqttQualityOfService qos = MqttQualityOfService.AtLeastOnce) =>
        new(topic, Encoding.UTF8.GetBytes(text)) { Qos = qos, PayloadIsUtf8 = true };

    /// <summary>The payload decoded as UTF-8.</summary>
    public string PayloadAsString() => Encoding.UTF8.GetString(Payload.Span);

    /// <summary>The first user property with this name, or null.</summary>
    public string? GetUserProperty(string name)
    {
        foreach (var property in UserProperties)
        {
            if (property.Name == name)
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>A response to this request: addressed to its response topic, carrying its correlation data.</summary>
    public MqttMessage CreateResponse(ReadOnlyMemory<byte> payload)
    {
        if (string.IsNullOrEmpty(ResponseTopic))
        {
            throw new InvalidOperationException($"The message on '{Topic}' has no response topic, so it is not a request.");
        }

        return new MqttMessage(ResponseTopic, payload) { Qos = Qos, CorrelationData = CorrelationData };
    }

    /// <summary>
    /// Null when every MQTT 5 string property (content type, user property names and values) fits the spec's UTF-8
    /// string (at most 65,535 bytes, well-formed, no U+0000; spec 1.5.4), else why not. Checked here because
    /// libmosquitto 2.0.11 accepted a 65,536-byte user property value without an error (BadInputMoreTests).
    /// </summary>
    internal string? ValidateStringProperties()
    {
        if (ContentType is { } contentType && StringError(contentType) is { } contentTypeError)
        {
            return "content type: " + contentTypeError;
        }

        foreach (var property in UserProperties)
        {
            if ((StringError(property.Name) ?? StringError(property.Value)) is { } propertyError)
            {
                return $"user property '{(property.Name.Length <= 40 ? property.Name : property.Name[..40] + "...")}': {propertyError}";
            }
        }

        return null;
    }

    private static string? StringError(string value)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return "contains U+0000.";
        }

        try
        {
            var bytes = StrictUtf8.GetByteCount(value);
            return bytes > ushort.MaxValue ? $"{bytes} bytes of UTF-8, over the limit of 65535." : null;
        }
        catch (EncoderFallbackException)
        {
            return "not well-formed UTF-8 (an unpaired surrogate).";
        }
    }

    /// <summary>True when any MQTT 5-only property is set (such a message cannot be sent over MQTT 3.1.1).</summary>
    internal bool HasV5Properties =>
        ContentType is not null || PayloadIsUtf8 || MessageExpiry is not null || ResponseTopic is not null
        || !CorrelationData.IsEmpty || UserProperties.Count > 0;
}
