using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edge.Contracts.Models;

namespace Edge.Trainer.Offers;

/// <summary>
/// Writes model.onnx, manifest.json and manifest.sig into a folder, plus the signer's public key
/// (signing-public-key.pem). The first two are deterministic (no time stamps, fixed order, rounded metrics); the
/// signature is ECDSA and randomised by .NET, so it differs on every build and is excluded from the byte-for-byte
/// promise.
/// </summary>
internal static class OfferBundleWriter
{
    public const string ModelId = "offers";
    public const string PublicKeyFile = "signing-public-key.pem";

    public const string RebuildCommand =
        "dotnet run --project hq/Edge.Trainer -c Release -- train offers --data ../shared/data/retail --bundle edge-agent/models/offers --report offers-report.json";

    public static ModelManifest Write(string folder, OfferTrainingResult result, IReadOnlyList<TrainingDataFile> data, ECDsa key)
    {
        Directory.CreateDirectory(folder);
        var modelSha = Convert.ToHexStringLower(SHA256.HashData(result.ModelBytes));
        var manifest = new ModelManifest(
            ModelBundleFiles.CurrentFormatVersion,
            ModelId,
            "cj2017-" + modelSha[..12],
            modelSha,
            OfferOnnx.Input,
            OfferOnnx.Output,
            result.Features,
            data,
            result.Metrics,
            RebuildCommand);
        var manifestBytes = Serialize(manifest);
        File.WriteAllBytes(Path.Combine(folder, ModelBundleFiles.Model), result.ModelBytes);
        File.WriteAllBytes(Path.Combine(folder, ModelBundleFiles.Manifest), manifestBytes);
        var signature = ModelBundleSignature.Sign(key, manifestBytes, result.ModelBytes);
        File.WriteAllText(Path.Combine(folder, ModelBundleFiles.Signature), Convert.ToBase64String(signature) + "\n");
        File.WriteAllText(Path.Combine(folder, PublicKeyFile), key.ExportSubjectPublicKeyInfoPem() + "\n");
        return manifest;
    }

    /// <summary>The manifest's exact bytes: indented camelCase JSON with a final newline.</summary>
    public static byte[] Serialize(ModelManifest manifest) =>
        [.. JsonSerializer.SerializeToUtf8Bytes(manifest, ModelsJsonContext.Default.ModelManifest), .. Encoding.ASCII.GetBytes("\n")];
}
