using Edge.Contracts.Models;

namespace Edge.Trainer.Offers;

/// <summary>What training produced: the model, its ONNX bytes, the split and the held-out metrics.</summary>
internal sealed record OfferTrainingResult(
    LogisticModel Model,
    byte[] ModelBytes,
    IReadOnlyList<ModelFeature> Features,
    OfferSplit Split,
    int TrainPositives,
    int TestPositives,
    double L2,
    IReadOnlyList<ModelMetric> Metrics,
    double MaxAbsScoreDifference);
