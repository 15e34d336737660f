namespace Edge.BeaconGateway.Hosting;

/// <summary>Configuration section BeaconGateway:Members.</summary>
public sealed class MemberOptions
{
    public const string Section = "BeaconGateway:Members";

    /// <summary>Rotation window; must equal the phone app's (docs/ble-rotating-id.md).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Encrypted member key file (EMK1); unset = no file source (keys come from edge-agent or the simulator).</summary>
    public string? KeyFile { get; set; }

    /// <summary>The 32-byte key-encryption key file for <see cref="KeyFile"/>.</summary>
    public string? KeyEncryptionKeyFile { get; set; }
}
