using System.Security.Cryptography;
using System.Text.Json;
using Edge.Contracts.Models;
using Edge.Inference;
using Edge.Trainer.Data;
using Edge.Trainer.Reports;
using Microsoft.Extensions.Logging;

namespace Edge.Trainer.Offers;

/// <summary>train offers and evaluate offers, without the command-line plumbing.</summary>
internal static class OfferRunner
{
    public static (OfferReport Report, OfferTrainingResult Result) Train(string completeJourneyFolder, int? householdLimit, IInferenceSessionFactory sessions, ILogger logger, CancellationToken cancellationToken)
    {
        var data = CompleteJourneyReader.Read(completeJourneyFolder, householdLimit);
        var dataset = OfferFeatureBuilder.Build(data);
        TrainerLog.Loaded(logger, "Complete Journey household x campaign pairs", dataset.Rows, completeJourneyFolder);
        var result = OfferTrainer.Train(dataset, sessions, logger, cancellationToken);
        var report = new OfferReport(
            "84.51 Complete Journey 2.0" + (householdLimit is null ? string.Empty : $", households with id % 1000 < {householdLimit}"),
            FormattableString.Invariant($"by campaign start: train on campaigns starting before {result.Split.TestFrom:yyyy-MM-dd}, test on the rest; L2 {result.L2} chosen on the last 20 % of training pairs"),
            result.Split.Train.Length,
            result.TrainPositives,
            result.Split.Test.Length,
            result.TestPositives,
            result.Metrics,
            result.MaxAbsScoreDifference,
            HashInputs(completeJourneyFolder));
        return (report, result);
    }

    public static IReadOnlyList<TrainingDataFile> HashInputs(string folder) => [.. CompleteJourneyReader.Files.Select(f => FileHashes.Of(folder, f))];

    /// <summary>
    /// Checks a bundle's signature against <paramref name="publicKeyPem"/>, that its feature schema is the one this
    /// trainer builds, and re-measures it on the held-out campaigns through ORT.
    /// </summary>
    public static OfferReport Evaluate(string bundleFolder, string publicKeyPem, string completeJourneyFolder, IInferenceSessionFactory sessions, CancellationToken cancellationToken)
    {
        var modelPath = Path.Combine(bundleFolder, ModelBundleFiles.Model);
        var manifestPath = Path.Combine(bundleFolder, ModelBundleFiles.Manifest);
        var signaturePath = Path.Combine(bundleFolder, ModelBundleFiles.Signature);
        foreach (var path in new[] { modelPath, manifestPath, signaturePath, publicKeyPem })
        {
            if (!File.Exists(path))
            {
                throw new DataFormatException($"{path}: file is missing.");
            }
        }

        var model = File.ReadAllBytes(modelPath);
        var manifestBytes = File.ReadAllBytes(manifestPath);
        using var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(publicKeyPem));
        var signature = Convert.FromBase64String(File.ReadAllText(signaturePath).Trim());
        if (!ModelBundleSignature.Verify(key, manifestBytes, model, signature))
        {
            throw new DataFormatException($"{signaturePath}: the signature does not match {ModelBundleFiles.Manifest} and {ModelBundleFiles.Model} under {publicKeyPem}.");
        }

        var manifest = JsonSerializer.Deserialize(manifestBytes, ModelsJsonContext.Default.ModelManifest)
            ?? throw new DataFormatException($"{manifestPath}: empty manifest.");
        var dataset = OfferFeatureBuilder.Build(CompleteJourneyReader.Read(completeJourneyFolder));
        var expected = dataset.Features.Select(f => f.Name).ToArray();
        var actual = manifest.Features.OrderBy(f => f.Index).Select(f => f.Name).ToArray();
        if (!expected.SequenceEqual(actual, StringComparer.Ordinal))
        {
            var first = Enumerable.Range(0, Math.Max(expected.Length, actual.Length)).First(i => i >= expected.Length || i >= actual.Length || expected[i] != actual[i]);
            throw new DataFormatException($"{manifestPath}: feature {first} is '{(first < actual.Length ? actual[first] : "(none)")}' but the data gives '{(first < expected.Length ? expected[first] : "(none)")}'.");
        }

        var split = OfferSplit.Create(dataset);
        var labels = split.Test.Select(r => dataset.Labels[r]).ToArray();
        var scores = OfferTrainer.ScoreOnnx(sessions, model, dataset, split.Test, cancellationToken);
        return new OfferReport(
            "84.51 Complete Journey 2.0, bundle " + manifest.Version,
            FormattableString.Invariant($"by campaign start: test on campaigns starting on or after {split.TestFrom:yyyy-MM-dd}"),
            split.Train.Length,
            split.Train.Count(r => dataset.Labels[r]),
            split.Test.Length,
            labels.Count(l => l),
            [.. OfferEvaluation.Measure("bundle_onnx", scores, labels)],
            double.NaN,
            HashInputs(completeJourneyFolder));
    }

    public static string FormatTable(OfferReport report)
    {
        var rows = report.Metrics
            .Where(m => m.Name is "roc_auc")
            .Select(m => (IReadOnlyList<string>)[m.Scorer, Table.Number(m.Value), Table.Number(report.Metrics.First(p => p.Scorer == m.Scorer && p.Name == "precision_at_top_10pct").Value)])
            .ToList();
        var text = Table.Format(["scorer", "ROC AUC", "precision@top10%"], rows);
        text += FormattableString.Invariant($"train pairs {report.TrainPairs} ({report.TrainPositives} redeemed), test pairs {report.TestPairs} ({report.TestPositives} redeemed); {report.Split}; max |ONNX - trainer| {(double.IsNaN(report.MaxAbsScoreDifference) ? "not measured (no trainer scores)" : report.MaxAbsScoreDifference.ToString("E2", System.Globalization.CultureInfo.InvariantCulture))}") + Environment.NewLine;
        return text;
    }
}
