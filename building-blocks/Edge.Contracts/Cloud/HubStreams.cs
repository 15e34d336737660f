namespace Edge.Contracts.Cloud;

/// <summary>
/// Up-streams cloud-sync itself writes (not a local producer), answering HQ's Sparkplug node commands
/// (docs/adr/0010-fleet-resync-and-diagnostic-bundles.md). Both travel through the hub's outbox like any other stream.
/// </summary>
public static class HubStreams
{
    /// <summary>Stream of <see cref="ResyncRequest"/>s (type <see cref="ResyncRequestedType"/>); protected under quota.</summary>
    public const string Resync = "resync";

    /// <summary>Stream of diagnostic bundles (type <see cref="DiagnosticBundleType"/>); compactable: a newer one can be asked for.</summary>
    public const string Diagnostics = "diagnostics";

    public const string ResyncRequestedType = "hub.resync-requested";

    public const string DiagnosticBundleType = "hub.diagnostic-bundle";
}
