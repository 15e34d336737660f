using System.ComponentModel.DataAnnotations;
using Edge.Hosting.Options;

namespace Edge.Agent.Offers;

/// <summary>Section <c>EdgeAgent:Offers</c>: catalog, model bundle, decision policy.</summary>
internal sealed class OffersOptions
{
    public const string Section = "EdgeAgent:Offers";

    /// <summary>Offer catalog (JSON array of offers). Missing file: no offers. Relative to the app folder.</summary>
    public string CatalogFile { get; set; } = "offers.json";

    /// <summary>Signed model bundle folder (model.onnx, manifest.json, manifest.sig).</summary>
    public string BundleDirectory { get; set; } = "models/offers";

    /// <summary>
    /// Folder for bundles the cloud sends: each one unpacked into its own sub-folder; the current and the previous
    /// are kept, older ones deleted. Once one has loaded, a restart loads it rather than <see cref="BundleDirectory"/>.
    /// </summary>
    [Required]
    public string CloudBundlesDirectory { get; set; } = "/var/lib/store-edge/edge-agent/model-bundles";

    /// <summary>Largest bundle archive (and unpacked content) taken from the cloud.</summary>
    [Range(1024d, 2147483648d)]
    public long MaxBundleBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary><see cref="CloudBundlesDirectory"/> as a full path (relative ones are under the app folder).</summary>
    public string CloudBundlesPath(string contentRoot) => Path.IsPathRooted(CloudBundlesDirectory) ? CloudBundlesDirectory : Path.Combine(contentRoot, CloudBundlesDirectory);

    /// <summary>
    /// The ONLY public key bundles are trusted under (PEM). The default is the development key shipped with the
    /// default bundle (docs/models.md): a store deployment points this at its own signer's key.
    /// </summary>
    public string TrustedPublicKeyFile { get; set; } = "models/offers/signing-public-key.pem";

    /// <summary>
    /// Shadow mode: a bundle from the cloud that passes every check does not replace the serving model; it scores
    /// every decision beside it and both picks are logged and counted (offers.shadow_*), until store IT promotes it
    /// (POST /api/v1/models/shadow/promote). Decisions stay the serving model's.
    /// </summary>
    public bool ShadowMode { get; set; }

    /// <summary>Scoring longer than this falls back to the rules (Polly timeout; ORT's run is terminated).</summary>
    [TimeSpanRange("00:00:00.001", "00:00:10")]
    public TimeSpan ModelTimeout { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Share of members (by a stable hash of the member id) kept as control: no offer, decision logged.</summary>
    [Range(0.0, 1.0)]
    public double HoldoutShare { get; set; } = 0.1;

    /// <summary>Salt of the holdout hash; change it to draw a new control group.</summary>
    public string HoldoutSalt { get; set; } = "holdout-v1";

    /// <summary>No new offer to a member within this time of their last one.</summary>
    [TimeSpanRange("00:00:00", "7.00:00:00")]
    public TimeSpan MemberCooldown { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long an issued coupon stays valid (capped by the offer's own end).</summary>
    [TimeSpanRange("00:01:00", "90.00:00:00")]
    public TimeSpan CouponValidity { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Presence events waiting for a decision. Full: the oldest is dropped (a stale presence is worth least), counted.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 256;
}
