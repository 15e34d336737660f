namespace Edge.Contracts.Models;

/// <summary>File names inside a bundle folder, spelled once for the trainer and the hub.</summary>
public static class ModelBundleFiles
{
    public const int CurrentFormatVersion = 1;

    public const string Model = "model.onnx";

    public const string Manifest = "manifest.json";

    /// <summary>ECDSA P-256 / SHA-256 signature, IEEE P1363 (r || s, 64 bytes), base64 text.</summary>
    public const string Signature = "manifest.sig";
}
