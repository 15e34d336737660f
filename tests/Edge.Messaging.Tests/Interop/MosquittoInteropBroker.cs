using Edge.TestKit;

namespace Edge.Messaging.Tests.Interop;

/// <summary>The real mosquitto (Edge.TestKit) as an interop broker, spoken to with MQTT 5.</summary>
internal sealed class MosquittoInteropBroker(MosquittoBroker broker) : IInteropBroker
{
    public string Uri => broker.Uri;

    public int Port => broker.Port;

    public MqttProtocolVersion Version => MqttProtocolVersion.V500;

    public static async Task<IInteropBroker> StartAsync() => new MosquittoInteropBroker(await MosquittoBroker.StartAsync());

    public ValueTask DisposeAsync() => broker.DisposeAsync();
}
