using System.Buffers.Binary;
using Edge.BeaconGateway.Hci;

namespace Edge.BeaconGateway.Radio;

/// <summary>
/// Drives one controller over an <see cref="IHciTransport"/>: (user channel: Reset,) LE Set Event Mask, LE Set
/// (Extended) Scan Parameters for a passive scan and LE Set (Extended) Scan Enable with duplicate filtering off,
/// each awaited to its Command Complete; then forwards every event to the sink. A Hardware Error event or an
/// unsolicited Reset completion (the controller restarted) makes it set the scan up again.
/// </summary>
public sealed class HciScanner
{
    // LE Meta events wanted: bit 1 LE Advertising Report, bit 12 LE Extended Advertising Report (Vol 4 Part E 7.8.1).
    private const ulong LeEventMask = (1UL << 1) | (1UL << 12);

    private readonly IHciTransport _transport;
    private readonly ScanOptions _options;
    private readonly TimeProvider _time;
    private readonly byte[] _receive = new byte[1024];

    public HciScanner(IHciTransport transport, ScanOptions options, TimeProvider time)
    {
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>How many times the scan was set up (1 + recoveries from controller resets).</summary>
    public int Setups { get; private set; }

    /// <summary>Sets the scan up and forwards events until cancelled or the link closes (then returns).</summary>
    public async Task RunAsync(IHciEventSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        await SetUpAsync(cancellationToken).ConfigureAwait(false);
        while (!cancellationToken.IsCancellationRequested)
        {
            var length = await _transport.ReceiveAsync(_receive, cancellationToken).ConfigureAwait(false);
            if (length == 0)
            {
                return;
            }

            if (length < 3 || _receive[0] != (byte)HciPacketType.Event)
            {
                continue;
            }

            var evt = _receive.AsMemory(1, length - 1);
            if (NeedsSetUp(evt.Span))
            {
                await SetUpAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            sink.OnHciEvent(evt.Span, _time.GetUtcNow());
        }
    }

    /// <summary>The command sequence, in order; public so the docs and tests can show the exact bytes.</summary>
    public IReadOnlyList<byte[]> SetUpCommands()
    {
        var commands = new List<byte[]>();
        if (_options.UserChannel)
        {
            commands.Add(Command(HciConstants.OpReset, []));
        }

        Span<byte> mask = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(mask, LeEventMask);
        commands.Add(Command(HciConstants.OpLeSetEventMask, mask));
        Span<byte> p = stackalloc byte[8];
        if (_options.Extended)
        {
            // Own address public, accept all, PHY 1M; for that PHY: passive, interval, window.
            p[0] = 0x00;
            p[1] = 0x00;
            p[2] = 0x01;
            p[3] = 0x00;
            BinaryPrimitives.WriteUInt16LittleEndian(p[4..], _options.IntervalUnits);
            BinaryPrimitives.WriteUInt16LittleEndian(p[6..], _options.WindowUnits);
            commands.Add(Command(HciConstants.OpLeSetExtendedScanParameters, p[..8]));
            commands.Add(Command(HciConstants.OpLeSetExtendedScanEnable, [0x01, 0x00, 0x00, 0x00, 0x00, 0x00])); // enable, duplicates off, no duration/period
        }
        else
        {
            p[0] = 0x00; // passive
            BinaryPrimitives.WriteUInt16LittleEndian(p[1..], _options.IntervalUnits);
            BinaryPrimitives.WriteUInt16LittleEndian(p[3..], _options.WindowUnits);
            p[5] = 0x00; // own address public
            p[6] = 0x00; // accept all
            commands.Add(Command(HciConstants.OpLeSetScanParameters, p[..7]));
            commands.Add(Command(HciConstants.OpLeSetScanEnable, [0x01, 0x00]));
        }

        return commands;
    }

    private async Task SetUpAsync(CancellationToken cancellationToken)
    {
        foreach (var command in SetUpCommands())
        {
            await SendAndAwaitCompleteAsync(command, cancellationToken).ConfigureAwait(false);
        }

        Setups++;
    }

    private async Task SendAndAwaitCompleteAsync(byte[] command, CancellationToken cancellationToken)
    {
        var opcode = BinaryPrimitives.ReadUInt16LittleEndian(command.AsSpan(1));
        await _transport.SendAsync(command, cancellationToken).ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(_options.CommandTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            while (true)
            {
                var length = await _transport.ReceiveAsync(_receive, linked.Token).ConfigureAwait(false);
                if (length == 0)
                {
                    throw new IOException($"The controller link closed while waiting for command 0x{opcode:X4}.");
                }

                var packet = _receive.AsSpan(0, length);
                if (packet.Length >= 7 && packet[0] == (byte)HciPacketType.Event && packet[1] == HciConstants.EventCommandComplete
                    && BinaryPrimitives.ReadUInt16LittleEndian(packet[4..]) == opcode)
                {
                    var status = packet[6];
                    if (status != 0)
                    {
                        throw new HciCommandException(opcode, status, $"The controller refused command 0x{opcode:X4} with status 0x{status:X2}.");
                    }

                    return;
                }

                if (packet.Length >= 7 && packet[0] == (byte)HciPacketType.Event && packet[1] == HciConstants.EventCommandStatus
                    && BinaryPrimitives.ReadUInt16LittleEndian(packet[5..]) == opcode && packet[3] != 0)
                {
                    throw new HciCommandException(opcode, packet[3], $"The controller refused command 0x{opcode:X4} with status 0x{packet[3]:X2}.");
                }

                // Anything else (adverts already flowing, other events) is not the answer: keep waiting.
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new HciCommandException(opcode, 0xFF, $"The controller did not answer command 0x{opcode:X4} within {_options.CommandTimeout.TotalSeconds:F1} s.");
        }
    }

    private static bool NeedsSetUp(ReadOnlySpan<byte> evt) =>
        evt[0] == HciConstants.EventHardwareError
        || (evt[0] == HciConstants.EventCommandComplete && evt.Length >= 5 && BinaryPrimitives.ReadUInt16LittleEndian(evt[3..]) == HciConstants.OpReset);

    private static byte[] Command(ushort opcode, ReadOnlySpan<byte> parameters)
    {
        var packet = new byte[4 + parameters.Length];
        packet[0] = (byte)HciPacketType.Command;
        BinaryPrimitives.WriteUInt16LittleEndian(packet.AsSpan(1), opcode);
        packet[3] = (byte)parameters.Length;
        parameters.CopyTo(packet.AsSpan(4));
        return packet;
    }
}
