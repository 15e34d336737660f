using System.ComponentModel.DataAnnotations;

namespace Edge.ReferenceCloud.Hosting;

/// <summary>Section <c>ReferenceCloud</c>.</summary>
internal sealed class ReferenceCloudOptions
{
    public const string Section = "ReferenceCloud";

    /// <summary>HTTP API (claims to expect, events received, down messages to send). Loopback only: it has no auth.</summary>
    [Required]
    public string Url { get; set; } = "http://127.0.0.1:5300";

    /// <summary>The cloud broker the hubs talk to (mqtt:// or mqtts://).</summary>
    [Required]
    public string Broker { get; set; } = "mqtt://127.0.0.1:8883";

    public string? BrokerUsername { get; set; }

    public string? BrokerPassword { get; set; }

    /// <summary>CA the cloud broker's certificate is checked against (mqtts).</summary>
    public string? BrokerCaFile { get; set; }

    /// <summary>The cloud's own client certificate and key for the broker (mqtts with client certificates).</summary>
    public string? BrokerCertificateFile { get; set; }

    public string? BrokerKeyFile { get; set; }

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
}
