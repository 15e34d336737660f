using Edge.BeaconGateway.Diagnostics;
using Edge.BeaconGateway.Hci;
using Edge.BeaconGateway.Radio;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.BeaconGateway.Hosting;

/// <summary>
/// Source "hci": the hub's own controller. Opens the adapter, sets up a passive scan and feeds every event to the
/// pipeline; when the adapter vanishes, is refused or resets badly, it logs why and tries again after
/// <see cref="ScanOptions.ReopenDelay"/>, so an unplugged USB dongle comes back without a service restart.
/// </summary>
internal sealed class HciSourceService(
    IHciEventSink sink,
    IOptions<ScanOptions> options,
    Func<ScanOptions, IHciTransport> openTransport,
    TimeProvider time,
    ILogger<HciSourceService> logger) : BackgroundService
{
    /// <summary>Times the adapter was opened successfully (for health and tests).</summary>
    public int Opens { get; private set; }

    /// <summary>Consecutive failures to open or scan; 0 while scanning.</summary>
    public int Failures { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var scan = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var transport = openTransport(scan);
                Opens++;
                var scanner = new HciScanner(transport, scan, time);
                GatewayLog.HciScanning(logger, scan.Device, scan.UserChannel ? "user" : "raw");
                Failures = 0;
                await scanner.RunAsync(sink, stoppingToken).ConfigureAwait(false);
                GatewayLog.HciLinkClosed(logger, scan.Device);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HciUnavailableException or HciCommandException or IOException or System.Net.Sockets.SocketException)
            {
                Failures++;
                GatewayLog.HciFailed(logger, scan.Device, Failures, ex.Message);
            }

            try
            {
                await Task.Delay(scan.ReopenDelay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
