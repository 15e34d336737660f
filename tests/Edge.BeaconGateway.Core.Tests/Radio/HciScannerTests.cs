using System.Net.Sockets;
using Edge.BeaconGateway.Hci;
using Edge.BeaconGateway.Radio;
using Edge.BeaconGateway.Tests.Support;
using Edge.TestKit;

namespace Edge.BeaconGateway.Tests.Radio;

/// <summary>
/// The scanner against a simulated controller at the far end of a SEQPACKET socket pair (packet boundaries as on a
/// kernel HCI socket). Bad inputs tried: a refused command (Command Complete and Command Status with an error), a
/// controller that never answers, a packet that is not an event, a truncated event, a hardware error mid-scan and
/// an unplugged adapter.
/// </summary>
public sealed class HciScannerTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _dir = new("hci");
    private readonly SimulatedHciController _controller;
    private readonly CancellationTokenSource _cts = new(Deadline);

    public HciScannerTests() => _controller = SimulatedHciController.Create(_dir);

    [Fact]
    public async Task RunAsync_LegacyController_SetsUpPassiveScanInOrderThenForwardsReports()
    {
        var scanner = Scanner(new ScanOptions { Extended = false, IntervalUnits = 0x0010, WindowUnits = 0x0010 });
        var sink = new ChannelHciSink();
        var run = scanner.RunAsync(sink, _cts.Token);

        var mask = await AnswerAsync(HciConstants.OpLeSetEventMask);
        var parameters = await AnswerAsync(HciConstants.OpLeSetScanParameters);
        var enable = await AnswerAsync(HciConstants.OpLeSetScanEnable);
        var report = HciEvents.Legacy(0x03, 0x01, 0xC0FFEE000001, [0x02, 0x01, 0x06], -60);
        await _controller.SendEventAsync(report[0], report[2..]);

        var forwarded = await sink.Events.Reader.ReadAsync(_cts.Token);
        Assert.Equal(report, forwarded);
        Assert.Equal([0x02, 0x10, 0, 0, 0, 0, 0, 0], mask); // bit 1 advertising report, bit 12 extended report
        Assert.Equal([0x00, 0x10, 0x00, 0x10, 0x00, 0x00, 0x00], parameters); // passive, interval, window, public, accept all
        Assert.Equal([0x01, 0x00], enable); // enabled, duplicate filter off: every advert counts for RSSI
        Assert.Equal(1, scanner.Setups);

        _controller.Unplug();
        await run.WaitAsync(_cts.Token); // link closed: returns instead of spinning
    }

    [Fact]
    public async Task RunAsync_UserChannelExtended_ResetsFirstAndUsesExtendedCommands()
    {
        var scanner = Scanner(new ScanOptions { UserChannel = true, Extended = true });
        var run = scanner.RunAsync(new ChannelHciSink(), _cts.Token);

        await AnswerAsync(HciConstants.OpReset);
        await AnswerAsync(HciConstants.OpLeSetEventMask);
        var parameters = await AnswerAsync(HciConstants.OpLeSetExtendedScanParameters);
        var enable = await AnswerAsync(HciConstants.OpLeSetExtendedScanEnable);

        Assert.Equal(8, parameters.Length);
        Assert.Equal(0x01, parameters[2]); // 1M PHY only
        Assert.Equal(0x00, parameters[3]); // passive
        Assert.Equal([0x01, 0x00, 0x00, 0x00, 0x00, 0x00], enable);
        _controller.Unplug();
        await run.WaitAsync(_cts.Token);
    }

    [Fact]
    public async Task RunAsync_CommandRefusedByCommandComplete_ThrowsWithOpcodeAndStatus()
    {
        var run = Scanner(new ScanOptions { Extended = false }).RunAsync(new ChannelHciSink(), _cts.Token);

        var (opcode, _) = await _controller.ReceiveCommandAsync(_cts.Token);
        await _controller.CompleteAsync(opcode, status: 0x0C); // Command Disallowed

        var ex = await Assert.ThrowsAsync<HciCommandException>(() => run);
        Assert.Equal(HciConstants.OpLeSetEventMask, ex.Opcode);
        Assert.Equal(0x0C, ex.Status);
        Assert.Contains("0x2001", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CommandRefusedByCommandStatus_Throws()
    {
        var run = Scanner(new ScanOptions { Extended = false }).RunAsync(new ChannelHciSink(), _cts.Token);

        var (opcode, _) = await _controller.ReceiveCommandAsync(_cts.Token);
        await _controller.StatusAsync(opcode, status: 0x01); // Unknown HCI Command

        var ex = await Assert.ThrowsAsync<HciCommandException>(() => run);
        Assert.Equal(0x01, ex.Status);
    }

    [Fact]
    public async Task RunAsync_ControllerNeverAnswers_TimesOutOnTheInjectedClock()
    {
        var time = new FakeTimeProvider();
        var scanner = new HciScanner(new SocketHciTransport(_controller.Host), new ScanOptions { CommandTimeout = TimeSpan.FromSeconds(2) }, time);
        var run = scanner.RunAsync(new ChannelHciSink(), _cts.Token);

        await _controller.ReceiveCommandAsync(_cts.Token);
        await time.WaitForActiveTimersAsync(1, Deadline);
        time.Advance(TimeSpan.FromSeconds(2));

        var ex = await Assert.ThrowsAsync<HciCommandException>(() => run);
        Assert.Contains("did not answer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HardwareErrorAndJunkMidScan_SetsUpAgainAndKeepsForwarding()
    {
        var scanner = Scanner(new ScanOptions { Extended = false });
        var sink = new ChannelHciSink();
        var run = scanner.RunAsync(sink, _cts.Token);
        await AnswerSetupAsync();

        await _controller.SendEventAsync(0x3E, []);            // an event with no parameters: forwarded, the parser rejects it
        await _controller.SendEventAsync(HciConstants.EventHardwareError, [0x01]);
        await AnswerSetupAsync();
        var report = HciEvents.Legacy(0x03, 0x01, 0xC0FFEE000002, [0x02, 0x01, 0x06], -70);
        await _controller.SendEventAsync(report[0], report[2..]);

        Assert.Equal([0x3E, 0x00], await sink.Events.Reader.ReadAsync(_cts.Token));
        Assert.Equal(report, await sink.Events.Reader.ReadAsync(_cts.Token));
        Assert.Equal(2, scanner.Setups);
        _controller.Unplug();
        await run.WaitAsync(_cts.Token);
    }

    public void Dispose()
    {
        _controller.Dispose();
        _cts.Dispose();
        _dir.Dispose();
    }

    private HciScanner Scanner(ScanOptions options) => new(new SocketHciTransport(_controller.Host), options, TimeProvider.System);

    private async Task<byte[]> AnswerAsync(ushort expected)
    {
        var (opcode, parameters) = await _controller.ReceiveCommandAsync(_cts.Token);
        Assert.Equal(expected, opcode);
        await _controller.CompleteAsync(opcode);
        return parameters;
    }

    private async Task AnswerSetupAsync()
    {
        await AnswerAsync(HciConstants.OpLeSetEventMask);
        await AnswerAsync(HciConstants.OpLeSetScanParameters);
        await AnswerAsync(HciConstants.OpLeSetScanEnable);
    }
}
