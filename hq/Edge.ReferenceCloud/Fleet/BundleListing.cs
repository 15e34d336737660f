namespace Edge.ReferenceCloud.Fleet;

/// <summary>A store's diagnostic bundles: the latest (null when none came yet) and the newest first.</summary>
internal sealed record BundleListing(BundleSummary? Latest, IReadOnlyList<BundleSummary> Bundles);
