using Edge.Contracts.Models;
using Edge.Inference;
using Microsoft.Extensions.Logging;

namespace Edge.Trainer.Offers;

/// <summary>
/// Trains the redemption model: temporal split, L2 chosen on the last training campaigns (an inner temporal split),
/// refit on all training campaigns, then the test campaigns are scored by the exported ONNX model through
/// Edge.Inference, checked against the trainer's own scores, and compared with the two baselines.
/// </summary>
internal static class OfferTrainer
{
    private static readonly double[] s_l2Candidates = [0.1, 1, 10, 100, 1000];

    public static OfferTrainingResult Train(OfferDataset data, IInferenceSessionFactory sessions, ILogger logger, CancellationToken cancellationToken)
    {
        var split = OfferSplit.Create(data);
        var trainPositives = split.Train.Count(r => data.Labels[r]);
        var testPositives = split.Test.Count(r => data.Labels[r]);
        TrainerLog.OfferSplit(logger, split.Train.Length, trainPositives, split.Test.Length, testPositives, split.TestFrom);

        var inner = OfferSplit.Create(data, 0.8, split.Train);
        var bestL2 = s_l2Candidates[0];
        var bestAuc = double.MinValue;
        foreach (var l2 in s_l2Candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (candidate, _, _) = LogisticRegressionTrainer.Fit(data.X, data.Labels, inner.Train, data.Columns, l2);
            var auc = Metrics.ClassificationMetrics.RocAuc(Score(candidate, data, inner.Test), [.. inner.Test.Select(r => data.Labels[r])]);
            if (auc > bestAuc)
            {
                (bestL2, bestAuc) = (l2, auc);
            }
        }

        var (model, iterations, change) = LogisticRegressionTrainer.Fit(data.X, data.Labels, split.Train, data.Columns, bestL2);
        TrainerLog.OfferTrained(logger, iterations, change);
        var bytes = OfferOnnx.Build(model);
        var trainerScores = Score(model, data, split.Test);
        var onnxScores = ScoreOnnx(sessions, bytes, data, split.Test, cancellationToken);
        var maxDiff = trainerScores.Zip(onnxScores, (a, b) => Math.Abs(a - b)).DefaultIfEmpty(0).Max();

        var labels = split.Test.Select(r => data.Labels[r]).ToArray();
        var metrics = new List<ModelMetric>();
        metrics.AddRange(OfferEvaluation.Measure("model_onnx", onnxScores, labels));
        metrics.AddRange(OfferEvaluation.Measure("baseline_household_past_rate", [.. split.Test.Select(r => data.PastRedemptionRate[r])], labels));
        metrics.AddRange(OfferEvaluation.Measure("baseline_campaign_rate", CampaignRates(data, split.Test), labels));
        metrics.Add(new ModelMetric("test_pairs", "positive_rate", Math.Round((double)testPositives / split.Test.Length, 6)));
        var features = data.Features.Select(f => f with { Mean = Math.Round(model.Mean[f.Index], 9), Scale = Math.Round(model.Scale[f.Index], 9) }).ToArray();
        return new OfferTrainingResult(model, bytes, features, split, trainPositives, testPositives, bestL2, metrics, maxDiff);
    }

    /// <summary>Scores rows with the ONNX model through ORT (batch of all rows).</summary>
    public static double[] ScoreOnnx(IInferenceSessionFactory sessions, byte[] model, OfferDataset data, int[] rows, CancellationToken cancellationToken)
    {
        var input = new float[rows.Length * data.Columns];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = data.Row(rows[i]);
            for (var j = 0; j < data.Columns; j++)
            {
                input[(i * data.Columns) + j] = (float)row[j];
            }
        }

        using var session = sessions.Create(model, "offers.onnx");
        using var outputs = session.Run([InputTensor.Create(OfferOnnx.Input, input.AsMemory(), rows.Length, data.Columns)], cancellationToken: cancellationToken);
        return [.. outputs[OfferOnnx.Output].AsSpan<float>().ToArray().Select(v => (double)v)];
    }

    private static double[] Score(LogisticModel model, OfferDataset data, int[] rows) => [.. rows.Select(r => model.Score(data.Row(r)))];

    /// <summary>
    /// The campaign's overall redemption rate over the scored pairs themselves. It uses the test labels, so it is an
    /// optimistic (oracle) baseline: it knows which campaigns worked, which no model can know before the campaign.
    /// </summary>
    private static double[] CampaignRates(OfferDataset data, int[] rows)
    {
        var rates = rows.GroupBy(r => data.CampaignIds[r]).ToDictionary(g => g.Key, g => g.Average(r => data.Labels[r] ? 1.0 : 0.0));
        return [.. rows.Select(r => rates[data.CampaignIds[r]])];
    }
}
