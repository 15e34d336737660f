namespace Edge.ReferenceCloud.Bundles;

/// <summary>
/// A bundle folder on the cloud's disk with model.onnx and manifest.json (e.g. the repository's
/// edge-agent/models/offers); <see cref="Version"/> replaces the manifest's version when given.
/// </summary>
internal sealed record ModelBundleRequest(string? Directory, string? Version = null);
