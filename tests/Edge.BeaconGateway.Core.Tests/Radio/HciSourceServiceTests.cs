using Edge.BeaconGateway.Hci;
using Edge.BeaconGateway.Hosting;
using Edge.BeaconGateway.Radio;
using Edge.BeaconGateway.Tests.Support;
using Edge.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Edge.BeaconGateway.Tests.Radio;

public sealed class HciSourceServiceTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _dir = new("hci-source");
    private readonly CancellationTokenSource _cts = new(Deadline);

    [Fact]
    public async Task ExecuteAsync_AdapterMissingThenPluggedIn_ReopensAfterDelayOnTheClockAndForwards()
    {
        var time = new FakeTimeProvider();
        using var controller = SimulatedHciController.Create(_dir);
        var attempts = 0;
        var sink = new ChannelHciSink();
        IHciTransport Open(ScanOptions o) => ++attempts == 1
            ? throw new HciUnavailableException("Cannot open the radio hci0: there is no adapter hci0.")
            : new SocketHciTransport(controller.Host);
        using var service = new HciSourceService(
            sink, Options.Create(new ScanOptions { Extended = false, ReopenDelay = TimeSpan.FromSeconds(5) }), Open, time, NullLogger<HciSourceService>.Instance);

        await service.StartAsync(_cts.Token);
        await time.WaitForActiveTimersAsync(1, Deadline); // the reopen delay after the first failure
        Assert.Equal(1, service.Failures);
        Assert.Equal(0, service.Opens);
        time.Advance(TimeSpan.FromSeconds(5));

        foreach (var op in (ushort[])[HciConstants.OpLeSetEventMask, HciConstants.OpLeSetScanParameters, HciConstants.OpLeSetScanEnable])
        {
            var (opcode, _) = await controller.ReceiveCommandAsync(_cts.Token);
            Assert.Equal(op, opcode);
            await controller.CompleteAsync(opcode);
        }

        var report = HciEvents.Legacy(0x03, 0x01, 0xC0FFEE000003, [0x02, 0x01, 0x06], -55);
        await controller.SendEventAsync(report[0], report[2..]);
        Assert.Equal(report, await sink.Events.Reader.ReadAsync(_cts.Token));
        Assert.Equal(1, service.Opens);
        Assert.Equal(0, service.Failures);

        await service.StopAsync(_cts.Token);
    }

    [Fact]
    public void Open_NoBluetoothOrNoAdapter_ThrowsNamingTheAdapterAndTheFix()
    {
        // On this CI machine (a container) AF_BLUETOOTH is missing or there is no hci7: either way a clear refusal.
        var ex = Assert.Throws<HciUnavailableException>(() => HciSocket.Open(new ScanOptions { Device = 7 }));

        Assert.Contains("hci7", ex.Message, StringComparison.Ordinal);
        Assert.NotEqual(0, ex.Errno);
        Assert.DoesNotContain("errno 0", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _cts.Dispose();
        _dir.Dispose();
    }
}
