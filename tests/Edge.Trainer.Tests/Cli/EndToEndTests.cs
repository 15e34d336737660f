using System.Security.Cryptography;
using System.Text.Json;
using Edge.Contracts.Models;
using Edge.TestKit;
using Edge.Trainer.Cli;
using Edge.Trainer.Reports;
using Edge.Trainer.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Trainer.Tests.Cli;

/// <summary>The commands on a subset of the real data, end to end (a few seconds each).</summary>
public sealed class EndToEndTests
{
    [RequiresDataAndOnnxRuntimeFact("retail/completejourney/campaigns.csv")]
    public async Task TrainOffers_ThirdOfHouseholds_WritesVerifiableBundleAndReport()
    {
        using var temp = new TempDirectory();
        var output = new StringWriter();
        var code = await TrainerApplication.RunAsync(
            ["train", "offers", "--data", SharedData.Retail, "--households", "333", "--bundle", temp.Sub("bundle"), "--report", temp.File("offers.json")],
            output,
            new StringWriter(),
            NullLoggerFactory.Instance,
            CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Contains("baseline_household_past_rate", output.ToString());
        var report = JsonSerializer.Deserialize(File.ReadAllBytes(temp.File("offers.json")), ReportJsonContext.Default.OfferReport)!;
        Assert.True(report.MaxAbsScoreDifference < 1e-5, $"ONNX differs from the trainer by {report.MaxAbsScoreDifference}");
        var auc = report.Metrics.Single(m => m.Scorer == "model_onnx" && m.Name == "roc_auc").Value;
        Assert.InRange(auc, 0.55, 1.0);

        var bundle = Path.Combine(temp.Path, "bundle");
        using var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(Path.Combine(bundle, "signing-public-key.pem")));
        Assert.True(ModelBundleSignature.Verify(
            key,
            File.ReadAllBytes(Path.Combine(bundle, ModelBundleFiles.Manifest)),
            File.ReadAllBytes(Path.Combine(bundle, ModelBundleFiles.Model)),
            Convert.FromBase64String(File.ReadAllText(Path.Combine(bundle, ModelBundleFiles.Signature)).Trim())));
    }

    [RequiresDataAndOnnxRuntimeFact("retail/tafeng/tafeng_history.json")]
    public async Task TrainNextBasket_2000UsersNoTuning_OnnxEqualsCSharpAndBeatsNothing()
    {
        using var temp = new TempDirectory();
        var output = new StringWriter();
        var code = await TrainerApplication.RunAsync(
            ["train", "next-basket", "--seed", "1", "--users", "2000", "--no-tuning", "--data", SharedData.Retail, "--report", temp.File("nb.json")],
            output,
            new StringWriter(),
            NullLoggerFactory.Instance,
            CancellationToken.None);

        Assert.Equal(0, code);
        var report = JsonSerializer.Deserialize(File.ReadAllBytes(temp.File("nb.json")), ReportJsonContext.Default.NextBasketReport)!;
        var seed = Assert.Single(report.Seeds);
        Assert.Equal(400, seed.Model.Users);
        Assert.True(seed.MaxAbsScoreDifference < 1e-5, $"ONNX differs from C# by {seed.MaxAbsScoreDifference}");
        Assert.InRange(seed.Model.Recall10, 0.05, 0.5);
        Assert.InRange(seed.ReferenceFrequency.Recall10, 0.05, 0.5);
        Assert.Contains("published TIFU-KNN", output.ToString());
    }
}
