namespace Edge.BeaconGateway.Radio;

/// <summary>
/// A packet-oriented link to a Bluetooth controller: each send/receive is one whole H4 packet (type byte first),
/// as an HCI socket delivers them. Implemented over the kernel's HCI socket, or in tests over a SEQPACKET socket
/// pair whose other end plays the controller.
/// </summary>
public interface IHciTransport : IAsyncDisposable
{
    ValueTask SendAsync(ReadOnlyMemory<byte> packet, CancellationToken cancellationToken);

    /// <summary>Receives one packet; 0 when the link is closed (adapter unplugged, controller gone).</summary>
    ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken);
}
