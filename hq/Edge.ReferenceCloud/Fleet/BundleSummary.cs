namespace Edge.ReferenceCloud.Fleet;

/// <summary>One diagnostic bundle a hub sent, as listed by GET /api/stores/{store}/diagnostics.</summary>
internal sealed record BundleSummary(string BundleId, DateTimeOffset GeneratedAt, DateTimeOffset ReceivedAt, int Bytes);
