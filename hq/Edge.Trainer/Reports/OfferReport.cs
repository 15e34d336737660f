using Edge.Contracts.Models;

namespace Edge.Trainer.Reports;

/// <summary>The JSON report of an offers run; MaxAbsScoreDifference is NaN when no trainer scores exist (evaluate).</summary>
internal sealed record OfferReport(
    string Dataset,
    string Split,
    int TrainPairs,
    int TrainPositives,
    int TestPairs,
    int TestPositives,
    IReadOnlyList<ModelMetric> Metrics,
    double MaxAbsScoreDifference,
    IReadOnlyList<TrainingDataFile> Data);
