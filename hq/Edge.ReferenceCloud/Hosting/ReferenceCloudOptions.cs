using System.ComponentModel.DataAnnotations;

namespace Edge.ReferenceCloud.Hosting;

/// <summary>Section <c>ReferenceCloud</c>.</summary>
internal sealed class ReferenceCloudOptions : Edge.Messaging.Hosting.BrokerConnectionOptions
{
    public const string Section = "ReferenceCloud";

    /// <summary>How long the broker keeps the cloud's session (subscriptions and queued up-stream messages) while it is away.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>HTTP API (claims to expect, events received, down messages to send). Loopback only: it has no auth.</summary>
    [Required]
    public string Url { get; set; } = "http://127.0.0.1:5300";

    [Required]
    public string DatabasePath { get; set; } = "/var/lib/store-edge/reference-cloud/cloud.db";

    /// <summary>Folder of the fleet CA that signs hub certificates (fleet-ca.crt / fleet-ca.key, created when missing).</summary>
    [Required]
    public string FleetCaDirectory { get; set; } = "/var/lib/store-edge/reference-cloud/ca";

    /// <summary>ECDSA P-256 key (PKCS#8 PEM) that signs down messages; created when missing. Hubs trust its public key.</summary>
    [Required]
    public string SigningKeyFile { get; set; } = "/var/lib/store-edge/reference-cloud/down-signing.key";

    /// <summary>Sparkplug group of the stores this cloud serves (returned in claims).</summary>
    [Required]
    public string Region { get; set; } = "dev";

    /// <summary>The broker endpoint handed to hubs in a claim (what they should connect to with their new certificate).</summary>
    [Required]
    public string HubBroker { get; set; } = "mqtts://127.0.0.1:8883";

    /// <summary>Lifetime of a hub certificate issued at claim.</summary>
    public TimeSpan CertificateLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How long received event ids are kept for de-duplication: longer than any outage a hub can ride out.</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromDays(400);

    /// <summary>ECDSA P-256 key (PKCS#8 PEM) that signs model bundles (manifest.sig); created when missing. edge-agent trusts its public key (EdgeAgent:Offers:TrustedPublicKeyFile).</summary>
    [Required]
    public string ModelSigningKeyFile { get; set; } = "/var/lib/store-edge/reference-cloud/model-signing.key";

    /// <summary>Bytes of bundle archive per model-bundle down message (the hub refuses payloads over 256 KiB).</summary>
    [Range(1024, 256 * 1024)]
    public int BundleChunkBytes { get; set; } = 128 * 1024;

    /// <summary>The store hub's local broker the phone player publishes adverts to (store/ble/raw/{receiver}); unset: no walks.</summary>
    public string? PhoneBroker { get; set; }

    /// <summary>The store's zones.json (the file beacon-gateway reads): which receivers hear a phone in a zone.</summary>
    public string? ZonesFile { get; set; }

    /// <summary>How often a walking phone advertises (a real phone: 100 ms to 1 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PhoneAdvertInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The phone's calibrated TX power at 1 m, sent in the advert (dBm).</summary>
    [Range(-100, 20)]
    public int PhoneTxPowerAt1m { get; set; } = -59;

    /// <summary>RSSI the receivers of the walked zone report (dBm): near, so the zone is clear.</summary>
    [Range(-100, 0)]
    public int PhoneRssi { get; set; } = -55;

    /// <summary>The longest walk one request may ask for.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxWalk { get; set; } = TimeSpan.FromHours(2);
}
