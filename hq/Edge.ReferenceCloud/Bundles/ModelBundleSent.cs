namespace Edge.ReferenceCloud.Bundles;

/// <summary>What the bundle API sent: the archive's id, sha256 and size, and the chunks' down sequence numbers.</summary>
internal sealed record ModelBundleSent(string BundleId, string ModelId, string Version, string Sha256, long Size, int Chunks, long FirstSequence, long LastSequence);
