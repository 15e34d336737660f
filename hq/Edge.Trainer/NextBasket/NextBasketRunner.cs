using Edge.Inference;
using Edge.Trainer.Data;
using Edge.Trainer.Reports;
using Microsoft.Extensions.Logging;

namespace Edge.Trainer.NextBasket;

/// <summary>Runs the protocol for the given seeds and turns the results into a report and a table.</summary>
internal static class NextBasketRunner
{
    /// <summary>Published TIFU-KNN on Ta-Feng under this protocol (Li et al. 2023, table 3); hit rate not published there.</summary>
    public static readonly RankingResult PublishedTifuKnn = new(0, 0.1301, 0.1011, 0.1810, 0.1206, double.NaN);

    public static NextBasketReport Run(string tafengFolder, IReadOnlyList<int> seeds, TuningGrid grid, int? userLimit, IInferenceSessionFactory sessions, ILogger logger, CancellationToken cancellationToken)
    {
        var data = BasketDataReader.Read(tafengFolder);
        if (userLimit is { } limit)
        {
            data = data.Take(limit);
        }

        TrainerLog.Loaded(logger, "Ta-Feng", data.UserCount, tafengFolder);
        var experiment = new NextBasketExperiment(data, sessions, logger);
        var results = seeds.Select(seed => experiment.Run(seed, grid, cancellationToken)).ToArray();
        return new NextBasketReport(
            "Ta-Feng (Reality Check jsondata)" + (userLimit is null ? string.Empty : $", first {data.UserCount} users"),
            "Li et al. 2023: users split 72/8/20 at random by seed; target = distinct items of the future basket; metrics averaged over test users, then over seeds",
            [FileHashes.Of(tafengFolder, BasketDataReader.HistoryFile), FileHashes.Of(tafengFolder, BasketDataReader.FutureFile), FileHashes.Of(tafengFolder, BasketDataReader.PopularityFile)],
            results,
            RankingResult.Mean([.. results.Select(r => r.ReferenceFrequency)]),
            RankingResult.Mean([.. results.Select(r => r.Frequency)]),
            RankingResult.Mean([.. results.Select(r => r.Model)]),
            PublishedTifuKnn);
    }

    public static string FormatTable(NextBasketReport report)
    {
        string[] header = ["ranker", "Recall@10", "NDCG@10", "Recall@20", "NDCG@20", "Hit@10"];
        var rows = new List<IReadOnlyList<string>>();
        foreach (var seed in report.Seeds)
        {
            rows.Add(Row($"reality-check topfreq (seed {seed.Seed})", seed.ReferenceFrequency));
            rows.Add(Row($"frequency+pop (seed {seed.Seed})", seed.Frequency));
            rows.Add(Row($"tifu-knn onnx (seed {seed.Seed})", seed.Model));
        }

        rows.Add(Row($"reality-check topfreq, mean of {report.Seeds.Count}", report.MeanReferenceFrequency));
        rows.Add(Row($"frequency+pop, mean of {report.Seeds.Count}", report.MeanFrequency));
        rows.Add(Row($"tifu-knn onnx, mean of {report.Seeds.Count}", report.MeanModel));
        rows.Add(Row("published TIFU-KNN", report.PublishedTifuKnn));
        var text = Table.Format(header, rows);
        foreach (var seed in report.Seeds)
        {
            text += FormattableString.Invariant($"seed {seed.Seed}: {seed.Parameters}, validation Recall@10 {seed.ValidationRecall10:F4}, max |ONNX - C#| {seed.MaxAbsScoreDifference:E2}") + Environment.NewLine;
        }

        return text;
    }

    private static string[] Row(string name, RankingResult r) =>
        [name, Table.Number(r.Recall10), Table.Number(r.Ndcg10), Table.Number(r.Recall20), Table.Number(r.Ndcg20), double.IsNaN(r.HitRate10) ? "-" : Table.Number(r.HitRate10)];
}
