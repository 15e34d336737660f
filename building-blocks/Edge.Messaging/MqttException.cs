namespace Edge.Messaging;

/// <summary>
/// A failure that names what failed: the endpoint, libmosquitto's error (code and text) and/or the broker's
/// MQTT reason code (CONNACK, PUBACK, SUBACK; spec 2.4).
/// </summary>
public sealed class MqttException : Exception
{
    /// <summary>libmosquitto's MOSQ_ERR_NO_CONN: the client is not connected.</summary>
    public const int NotConnected = 4;

    public MqttException()
    {
    }

    public MqttException(string message)
        : base(message)
    {
    }

    public MqttException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal MqttException(string message, string? endpoint, int? libraryError = null, int? reasonCode = null)
        : base(message)
    {
        Endpoint = endpoint;
        LibraryError = libraryError;
        ReasonCode = reasonCode;
    }

    /// <summary>mqtt://host:port of the broker involved.</summary>
    public string? Endpoint { get; }

    /// <summary>libmosquitto's MOSQ_ERR_* code when the library reported the failure.</summary>
    public int? LibraryError { get; }

    /// <summary>The broker's MQTT reason code (e.g. 134 bad user name or password, 135 not authorized).</summary>
    public int? ReasonCode { get; }
}
