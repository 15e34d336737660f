namespace Edge.Provisioning.Doctor;

/// <summary>The checks of a doctor run on a hub, in the order store IT reads them (services first).</summary>
internal static class DefaultDoctorChecks
{
    public static IReadOnlyList<IDoctorCheck> Create(DoctorContext context, HttpClient http)
    {
        var s = context.Settings;
        var checks = new List<IDoctorCheck>();
        checks.AddRange(s.Services.Select(unit => new SystemdServiceCheck(unit, context.Processes, s.Timeout)));
        checks.AddRange(s.HealthEndpoints.Select(e => new HealthEndpointCheck(e.Key, e.Value, http)));
        checks.Add(new BrokerCheck(s.BrokerHost, s.BrokerPort, s.Timeout));
        checks.Add(new BluetoothAdapterCheck(s.BluetoothSysfs, s.RfkillSysfs));
        checks.Add(new ClockSyncCheck(context.Processes, s.TimesyncFlag, s.Timeout));
        checks.Add(new DiskSpaceCheck(context.Paths.StateDir));
        checks.Add(new CertificateExpiryCheck(context.Paths.HubCertificateFile, context.Time));
        checks.Add(new CloudReachabilityCheck(s.CloudEndpoint, s.Timeout));
        checks.Add(new ModelVersionCheck(s.ModelVersionFile ?? Path.Combine(context.Paths.StateDir, "models", "VERSION")));
        checks.Add(new OutboxBacklogCheck(s.OutboxDatabase ?? Path.Combine(context.Paths.StateDir, "cloud-sync", "outbox.db"), context.Time));
        return checks;
    }
}
