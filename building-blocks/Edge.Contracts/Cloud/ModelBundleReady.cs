namespace Edge.Contracts.Cloud;

/// <summary>
/// Body of the local <c>store/down/model-bundle</c> event: every chunk arrived and the file's sha256 matched. The file
/// is the bundle archive as the cloud sent it; edge-agent still checks the bundle's own signature before using it.
/// </summary>
public sealed record ModelBundleReady(string BundleId, string Path, string Sha256, long Size);
