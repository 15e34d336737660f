namespace Edge.Messaging.Tests.Interop;

/// <summary>The same round trips against aedes, a second broker we did not write; MQTT 3.1.1 because aedes 1.2.0 lacks 5.</summary>
public sealed class AedesRoundTripTests : InteropRoundTripTests
{
    private protected override Task<IInteropBroker> StartBrokerAsync() => AedesBroker.StartAsync();
}
