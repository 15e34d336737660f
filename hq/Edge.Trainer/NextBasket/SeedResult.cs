namespace Edge.Trainer.NextBasket;

/// <summary>One split's outcome: the Reality Check's frequency baseline, ours (popularity tie-break) and the ONNX model on the test users, the tuned parameters and the ONNX check.</summary>
internal sealed record SeedResult(
    int Seed,
    RankingResult ReferenceFrequency,
    RankingResult Frequency,
    RankingResult Model,
    TifuParameters Parameters,
    double ValidationRecall10,
    double MaxAbsScoreDifference);
