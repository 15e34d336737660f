using Edge.FleetDashboard.Fleet;
using Edge.FleetDashboard.Hosting;

namespace Edge.FleetDashboard.Alarms;

/// <summary>
/// Which conditions of a store are alarms: the hub's own Alarms/* metrics (a true flag, or a counter above zero), a hub
/// that died, a cloud link that is down, a service not running, a device gone, a certificate close to expiry.
/// </summary>
internal static class AlarmRules
{
    public static IEnumerable<AlarmCondition> For(StoreView store, FleetDashboardOptions options)
    {
        if (!store.Born)
        {
            yield break;
        }

        if (!store.Online)
        {
            yield return new AlarmCondition("hub-offline", AlarmSeverity.Critical, "Hub offline (death certificate received)");
            yield break; // the last values of a dead hub are history, not news
        }

        foreach (var (name, value) in store.Metrics.Where(m => m.Key.StartsWith(HubMetrics.AlarmPrefix, StringComparison.Ordinal)).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var label = name[HubMetrics.AlarmPrefix.Length..];
            switch (value.Value)
            {
                case true:
                    yield return new AlarmCondition(name, AlarmSeverity.Critical, label);
                    break;
                case long count when count > 0:
                    yield return new AlarmCondition(name, AlarmSeverity.Warning, $"{label}: {count}", count);
                    break;
            }
        }

        if (store.Metric(HubMetrics.CloudConnected)?.Value is false)
        {
            yield return new AlarmCondition("cloud-link", AlarmSeverity.Warning, "Hub's business link to the cloud is down");
        }

        foreach (var (service, state) in store.Services.Where(s => s.State != "running"))
        {
            yield return new AlarmCondition("service:" + service, AlarmSeverity.Warning, $"Service {service} is {state}");
        }

        foreach (var device in store.Devices.Where(d => !d.Online))
        {
            yield return new AlarmCondition("device:" + device.Id, AlarmSeverity.Info, $"Device {device.Id} offline");
        }

        if (store.Number(HubMetrics.CertificateDaysLeft) is { } days && days < options.CertificateWarningDays)
        {
            var severity = days < options.CertificateCriticalDays ? AlarmSeverity.Critical : AlarmSeverity.Warning;
            yield return new AlarmCondition("certificate", severity, $"Hub certificate expires in {Math.Max(0, days):0.#} days");
        }
    }
}
