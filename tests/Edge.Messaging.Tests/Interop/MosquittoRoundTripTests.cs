namespace Edge.Messaging.Tests.Interop;

/// <summary>The interop round trips against mosquitto, MQTT 5 (properties included).</summary>
public sealed class MosquittoRoundTripTests : InteropRoundTripTests
{
    private protected override Task<IInteropBroker> StartBrokerAsync() => MosquittoInteropBroker.StartAsync();
}
