using System.ComponentModel.DataAnnotations;

namespace Edge.CloudSync.Downstream;

/// <summary>Section <c>CloudSync:Downstream</c>: the inbox for retail/v1/{store}/down/# and cmd/#.</summary>
internal sealed class DownstreamOptions
{
    public const string Section = "CloudSync:Downstream";

    [Required]
    public string InboxPath { get; set; } = "/var/lib/store-edge/cloud-sync/inbox.db";

    /// <summary>PEM public key (ECDSA P-256) of the cloud's signing key. Without it, kinds that must be signed are all refused.</summary>
    public string? SigningPublicKeyFile { get; set; }

    /// <summary>Where assembled model bundles are written for edge-agent.</summary>
    [Required]
    public string BundleDirectory { get; set; } = "/var/lib/store-edge/cloud-sync/bundles";

    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxBundleBytes { get; set; } = 256L * 1024 * 1024;
}
