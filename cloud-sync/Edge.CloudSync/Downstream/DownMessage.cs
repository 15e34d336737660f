namespace Edge.CloudSync.Downstream;

/// <summary>A downstream message that passed every check (see <see cref="DownValidator"/>).</summary>
internal sealed record DownMessage(string Kind, string MessageId, long Sequence, DateTimeOffset IssuedAt, byte[] Payload, BundleChunk? Chunk);

/// <summary>One chunk of a model bundle (kind model-bundle).</summary>
internal sealed record BundleChunk(string BundleId, int Index, int Count, string Sha256);
