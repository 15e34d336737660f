using System.Buffers.Binary;
using System.Net.Sockets;

namespace Edge.TestKit;

/// <summary>
/// Plays a Bluetooth controller at the far end of a message-preserving socket pair (AF_UNIX SEQPACKET keeps packet
/// boundaries exactly as a kernel HCI socket does). The test reads the host's commands with
/// <see cref="ReceiveCommandAsync"/> and answers with Command Complete / Command Status / any event bytes.
/// </summary>
public sealed class SimulatedHciController : IDisposable
{
    private readonly Socket _controller;
    private readonly byte[] _buffer = new byte[1024];

    private SimulatedHciController(Socket controller, Socket host)
    {
        _controller = controller;
        Host = host;
    }

    /// <summary>The host's end: hand it to the code under test (it owns and disposes it).</summary>
    public Socket Host { get; }

    public static SimulatedHciController Create(TempDirectory dir)
    {
        var path = dir.File("hci.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Seqpacket, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        var host = new Socket(AddressFamily.Unix, SocketType.Seqpacket, ProtocolType.Unspecified);
        host.Connect(new UnixDomainSocketEndPoint(path));
        var controller = listener.Accept();
        return new SimulatedHciController(controller, host);
    }

    /// <summary>Reads one H4 command packet and returns its opcode and parameters.</summary>
    public async Task<(ushort Opcode, byte[] Parameters)> ReceiveCommandAsync(CancellationToken cancellationToken)
    {
        var length = await _controller.ReceiveAsync(_buffer, SocketFlags.None, cancellationToken);
        if (length < 4 || _buffer[0] != 0x01)
        {
            throw new InvalidDataException($"Expected an HCI command packet, got {length} bytes starting 0x{_buffer[0]:X2}.");
        }

        return (BinaryPrimitives.ReadUInt16LittleEndian(_buffer.AsSpan(1)), _buffer.AsSpan(4, length - 4).ToArray());
    }

    /// <summary>Command Complete (Vol 4 Part E 7.7.14): num packets 1, opcode, status.</summary>
    public Task CompleteAsync(ushort opcode, byte status = 0) =>
        SendEventAsync(0x0E, [0x01, (byte)opcode, (byte)(opcode >> 8), status]);

    /// <summary>Command Status (7.7.15): status, num packets 1, opcode.</summary>
    public Task StatusAsync(ushort opcode, byte status) =>
        SendEventAsync(0x0F, [status, 0x01, (byte)opcode, (byte)(opcode >> 8)]);

    /// <summary>Sends an HCI event packet: type 0x04, event code, length, parameters.</summary>
    public async Task SendEventAsync(byte eventCode, byte[] parameters)
    {
        var packet = new byte[3 + parameters.Length];
        packet[0] = 0x04;
        packet[1] = eventCode;
        packet[2] = (byte)parameters.Length;
        parameters.CopyTo(packet, 3);
        await _controller.SendAsync(packet, SocketFlags.None);
    }

    /// <summary>Closes the controller's end, as when an adapter is unplugged.</summary>
    public void Unplug() => _controller.Shutdown(SocketShutdown.Both);

    public void Dispose() => _controller.Dispose();
}
