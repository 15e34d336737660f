using System.Security.Cryptography;
using System.Text.Json;
using Edge.Contracts.Models;
using Edge.TestKit;
using Edge.Trainer.Offers;
using Edge.Trainer.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Trainer.Tests.Offers;

/// <summary>The default bundle committed under edge-agent/models/offers.</summary>
public sealed class ShippedBundleTests
{
    private static string Folder => Path.Combine(ExternalTools.RepoRoot, "edge-agent", "models", "offers");

    [Fact]
    public void ShippedBundle_SignatureVerifiesWithCommittedDevPublicKey()
    {
        var manifest = File.ReadAllBytes(Path.Combine(Folder, ModelBundleFiles.Manifest));
        var model = File.ReadAllBytes(Path.Combine(Folder, ModelBundleFiles.Model));
        var signature = Convert.FromBase64String(File.ReadAllText(Path.Combine(Folder, ModelBundleFiles.Signature)).Trim());
        using var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(Path.Combine(Folder, OfferBundleWriter.PublicKeyFile)));

        Assert.True(ModelBundleSignature.Verify(key, manifest, model, signature));
        using var dev = DevSigningKey.Create();
        Assert.Equal(dev.ExportSubjectPublicKeyInfoPem().Trim(), File.ReadAllText(Path.Combine(Folder, OfferBundleWriter.PublicKeyFile)).Trim());
    }

    [Fact]
    public void ShippedBundle_ManifestDescribesModel_SmallAndHashed()
    {
        var model = File.ReadAllBytes(Path.Combine(Folder, ModelBundleFiles.Model));
        var manifest = JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(Folder, ModelBundleFiles.Manifest)), ModelsJsonContext.Default.ModelManifest)!;

        Assert.True(model.Length < 16 * 1024, $"model.onnx is {model.Length} bytes; the bundle must stay small");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(model)), manifest.ModelSha256);
        Assert.Equal(Enumerable.Range(0, manifest.Features.Count), manifest.Features.Select(f => f.Index));
        Assert.Equal(CompleteJourneyReader.Files.Order(StringComparer.Ordinal), manifest.TrainingData.Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.Contains(manifest.Metrics, m => m.Scorer == "model_onnx" && m.Name == "roc_auc" && m.Value > 0.5);
    }

    [RequiresDataAndOnnxRuntimeFact("retail/completejourney/campaigns.csv")]
    public void Rebuild_FromSharedData_ModelAndManifestByteForByte()
    {
        using var temp = new TempDirectory();
        var (report, result) = OfferRunner.Train(SharedData.CompleteJourney, null, Ort.Factory, NullLogger.Instance, CancellationToken.None);
        using var key = DevSigningKey.Create();
        OfferBundleWriter.Write(temp.Path, result, report.Data, key);

        Assert.Equal(File.ReadAllBytes(Path.Combine(Folder, ModelBundleFiles.Model)), File.ReadAllBytes(Path.Combine(temp.Path, ModelBundleFiles.Model)));
        Assert.Equal(File.ReadAllText(Path.Combine(Folder, ModelBundleFiles.Manifest)), File.ReadAllText(Path.Combine(temp.Path, ModelBundleFiles.Manifest)));
    }
}
