using System.Net.Sockets;

namespace Edge.BeaconGateway.Radio;

/// <summary>An <see cref="IHciTransport"/> over a message-preserving socket (HCI socket, or SEQPACKET in tests).</summary>
public sealed class SocketHciTransport(Socket socket) : IHciTransport
{
    public async ValueTask SendAsync(ReadOnlyMemory<byte> packet, CancellationToken cancellationToken) =>
        await socket.SendAsync(packet, SocketFlags.None, cancellationToken).ConfigureAwait(false);

    public ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

    public ValueTask DisposeAsync()
    {
        socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
