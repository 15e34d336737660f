using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edge.Contracts.Cloud;
using Edge.Contracts.Models;
using Edge.Messaging;
using Edge.ReferenceCloud.Downstream;
using Edge.ReferenceCloud.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.ReferenceCloud.Bundles;

/// <summary>
/// Sends a signed model bundle to a store. The bundle is a ustar archive of model.onnx, manifest.json and
/// manifest.sig (the folder edge-agent loads; entries in that order, mode 0644, time 0, so the same three files give
/// the same archive bytes); manifest.sig is <see cref="ModelBundleSignature"/> under <see cref="ModelSigningKey"/>.
/// The archive goes down in <see cref="ReferenceCloudOptions.BundleChunkBytes"/> chunks, each one down message of kind
/// model-bundle with its own sequence, signed with the down key, carrying bundle-id, chunk-index, chunk-count and
/// the archive's sha256 (what cloud-sync reassembles and checks before telling edge-agent).
/// </summary>
internal sealed class ModelBundlePublisher(DownPublisher publisher, ModelSigningKey signingKey, IOptions<ReferenceCloudOptions> options)
{
    public async Task<ModelBundleSent> PublishAsync(string storeId, ModelBundleRequest request, CancellationToken cancellationToken)
    {
        var (manifest, manifestBytes, model) = Read(request);
        var signature = Encoding.ASCII.GetBytes(Convert.ToBase64String(ModelBundleSignature.Sign(signingKey.Key.Key, manifestBytes, model)));
        var archive = ModelBundleArchive.Pack([(ModelBundleFiles.Model, model), (ModelBundleFiles.Manifest, manifestBytes), (ModelBundleFiles.Signature, signature)]);
        var sha = Convert.ToHexStringLower(SHA256.HashData(archive));
        var bundleId = BundleId(manifest, sha);
        var size = options.Value.BundleChunkBytes;
        var count = Math.Max(1, (archive.Length + size - 1) / size);
        var (first, last) = (0L, 0L);
        for (var i = 0; i < count; i++)
        {
            var chunk = archive.AsMemory(i * size, Math.Min(size, archive.Length - (i * size)));
            (_, last) = await publisher.PublishChunkAsync(storeId, chunk,
            [
                new MqttUserProperty(DownProperties.BundleId, bundleId),
                new MqttUserProperty(DownProperties.ChunkIndex, i.ToString(CultureInfo.InvariantCulture)),
                new MqttUserProperty(DownProperties.ChunkCount, count.ToString(CultureInfo.InvariantCulture)),
                new MqttUserProperty(DownProperties.BundleSha256, sha),
            ], cancellationToken).ConfigureAwait(false);
            first = i == 0 ? last : first;
        }

        return new ModelBundleSent(bundleId, manifest.ModelId, manifest.Version, sha, archive.Length, count, first, last);
    }

    /// <summary>Reads and checks the folder; <see cref="ArgumentException"/> names what is wrong.</summary>
    private static (ModelManifest Manifest, byte[] ManifestBytes, byte[] Model) Read(ModelBundleRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Directory) || !System.IO.Directory.Exists(request.Directory))
        {
            throw new ArgumentException($"directory '{request.Directory}' does not exist on the cloud's disk", nameof(request));
        }

        var modelPath = Path.Combine(request.Directory, ModelBundleFiles.Model);
        var manifestPath = Path.Combine(request.Directory, ModelBundleFiles.Manifest);
        foreach (var path in new[] { modelPath, manifestPath })
        {
            if (!File.Exists(path))
            {
                throw new ArgumentException($"{path} is missing", nameof(request));
            }
        }

        var model = File.ReadAllBytes(modelPath);
        var manifestBytes = File.ReadAllBytes(manifestPath);
        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(manifestBytes, ModelsJsonContext.Default.ModelManifest);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"{manifestPath} is not a manifest: {e.Message}", nameof(request));
        }

        if (manifest is null || manifest.FormatVersion != ModelBundleFiles.CurrentFormatVersion || string.IsNullOrWhiteSpace(manifest.ModelId) || manifest.Features is not { Count: > 0 })
        {
            throw new ArgumentException($"{manifestPath} needs formatVersion {ModelBundleFiles.CurrentFormatVersion}, a modelId and a feature schema", nameof(request));
        }

        var modelSha = Convert.ToHexStringLower(SHA256.HashData(model));
        if (!string.Equals(manifest.ModelSha256, modelSha, StringComparison.Ordinal))
        {
            throw new ArgumentException($"manifest modelSha256 {manifest.ModelSha256} is not model.onnx's sha256 {modelSha}", nameof(request));
        }

        if (request.Version is { } version && version != manifest.Version)
        {
            if (!CloudEnvelopeRules.IsValidMessageId(version))
            {
                throw new ArgumentException("version must be 1-128 of [A-Za-z0-9._:-]", nameof(request));
            }

            manifest = manifest with { Version = version };
            manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ModelsJsonContext.Default.ModelManifest);
        }

        return (manifest, manifestBytes, model);
    }

    private static string BundleId(ModelManifest manifest, string sha)
    {
        var id = $"{manifest.ModelId}-{manifest.Version}-{sha[..12]}";
        return CloudEnvelopeRules.IsValidMessageId(id) ? id : $"bundle-{sha[..24]}";
    }
}
