namespace Edge.Messaging.Tests.Interop;

/// <summary>A broker the interop tests run against: mosquitto (MQTT 5) or aedes (MQTT 3.1.1 only).</summary>
internal interface IInteropBroker : IAsyncDisposable
{
    string Uri { get; }

    int Port { get; }

    /// <summary>The protocol every client in a test speaks to this broker.</summary>
    MqttProtocolVersion Version { get; }
}
