using Edge.BeaconGateway.Diagnostics;
using Edge.BeaconGateway.Members;
using Edge.BeaconGateway.Presence;
using Edge.BeaconGateway.StoreBeacons;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.BeaconGateway.Hosting;

/// <summary>Loads member keys and starts the clocks of the core: key-table rotation, presence tick, beacon checks, rejected-input reports.</summary>
internal sealed class GatewayCoreService(
    RotatingIdResolver resolver,
    PresenceEngine presence,
    StoreBeaconMonitor beacons,
    MalformedReporter reporter,
    ILogger<GatewayCoreService> logger,
    IMemberKeySource? keySource = null) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        resolver.TableSwapped += (table, elapsed) => GatewayLog.TableSwapped(logger, table.CurrentWindow, table.Count, elapsed.TotalMilliseconds);
        if (keySource is not null)
        {
            var source = keySource.GetType().Name;
            try
            {
                var keys = await keySource.LoadAsync(cancellationToken).ConfigureAwait(false);
                resolver.UpdateKeys(keys);
                GatewayLog.KeysLoaded(logger, keys.Count, source);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                GatewayLog.KeysFailed(logger, ex, source);
            }
        }

        resolver.Start();
        presence.Start();
        beacons.Start();
        reporter.Start();
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        reporter.Report();
        return Task.CompletedTask;
    }
}
