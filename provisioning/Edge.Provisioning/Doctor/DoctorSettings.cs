namespace Edge.Provisioning.Doctor;

/// <summary>What doctor looks at; every endpoint and path is an option so a test (or a staging rig) can aim it elsewhere.</summary>
internal sealed record DoctorSettings
{
    public IReadOnlyList<string> Services { get; init; } = ["mosquitto", "edge-agent", "beacon-gateway", "kiosk-ui", "cloud-sync"];

    /// <summary>name -> URL of its GET /healthz (Edge.Hosting: 200 healthy or degraded, 503 unhealthy).</summary>
    public IReadOnlyList<KeyValuePair<string, Uri>> HealthEndpoints { get; init; } =
    [
        new("edge-agent", new Uri("http://127.0.0.1:5080/healthz")),
        new("kiosk-ui", new Uri("http://127.0.0.1:5090/healthz")),
    ];

    public string BrokerHost { get; init; } = "127.0.0.1";

    public int BrokerPort { get; init; } = 1883;

    /// <summary>host:port of the cloud broker; null when not configured yet (before claim).</summary>
    public string? CloudEndpoint { get; init; }

    public string BluetoothSysfs { get; init; } = "/sys/class/bluetooth";

    public string RfkillSysfs { get; init; } = "/sys/class/rfkill";

    public string TimesyncFlag { get; init; } = "/run/systemd/timesync/synchronized";

    public string? ModelVersionFile { get; init; }

    public string? OutboxDatabase { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);
}
