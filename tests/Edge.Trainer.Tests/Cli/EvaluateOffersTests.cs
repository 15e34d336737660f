using Edge.Contracts.Models;
using Edge.TestKit;
using Edge.Trainer.Cli;
using Edge.Trainer.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Trainer.Tests.Cli;

public sealed class EvaluateOffersTests
{
    private static string Shipped => Path.Combine(ExternalTools.RepoRoot, "edge-agent", "models", "offers");

    [Fact]
    public async Task EvaluateOffers_ModelByteFlipped_ExitCode2NamingSignature()
    {
        using var temp = new TempDirectory();
        var bundle = temp.Sub("bundle");
        foreach (var file in Directory.GetFiles(Shipped))
        {
            File.Copy(file, Path.Combine(bundle, Path.GetFileName(file)));
        }

        var modelPath = Path.Combine(bundle, ModelBundleFiles.Model);
        var model = File.ReadAllBytes(modelPath);
        model[^1] ^= 0x01;
        File.WriteAllBytes(modelPath, model);

        var error = new StringWriter();
        var code = await TrainerApplication.RunAsync(["evaluate", "offers", "--bundle", bundle, "--report", temp.File("e.json")], new StringWriter(), error, NullLoggerFactory.Instance, CancellationToken.None);
        Assert.Equal(TrainerApplication.BadInputExitCode, code);
        Assert.Contains("manifest.sig: the signature does not match", error.ToString());
    }

    [RequiresDataAndOnnxRuntimeFact("retail/completejourney/campaigns.csv")]
    public async Task EvaluateOffers_ShippedBundle_ReproducesManifestAuc()
    {
        using var temp = new TempDirectory();
        var output = new StringWriter();
        var code = await TrainerApplication.RunAsync(
            ["evaluate", "offers", "--bundle", Shipped, "--data", SharedData.Retail, "--report", temp.File("e.json")],
            output,
            new StringWriter(),
            NullLoggerFactory.Instance,
            CancellationToken.None);

        Assert.Equal(0, code);
        var manifest = System.Text.Json.JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(Shipped, ModelBundleFiles.Manifest)), ModelsJsonContext.Default.ModelManifest)!;
        var auc = manifest.Metrics.Single(m => m.Scorer == "model_onnx" && m.Name == "roc_auc").Value;
        Assert.Contains("bundle_onnx |  " + auc.ToString("F4", System.Globalization.CultureInfo.InvariantCulture), output.ToString());
    }
}
