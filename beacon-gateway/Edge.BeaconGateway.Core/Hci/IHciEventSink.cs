namespace Edge.BeaconGateway.Hci;

/// <summary>Receives raw HCI events (event code first, no H4 type byte) from a source: radio, capture or simulator.</summary>
public interface IHciEventSink
{
    void OnHciEvent(ReadOnlySpan<byte> hciEvent, DateTimeOffset receivedAt);
}
