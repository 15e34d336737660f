namespace Edge.BeaconGateway.Simulation;

/// <summary>Receives the simulator's HCI events, tagged with the receiver that heard them.</summary>
public interface ISimulatorSink
{
    void OnSimulatedEvent(int receiverIndex, ReadOnlySpan<byte> hciEvent, DateTimeOffset at);
}
