using Edge.Trainer.NextBasket;

namespace Edge.Trainer.Reports;

/// <summary>The JSON report of a next-basket run: per-seed results and their mean, with the published references.</summary>
internal sealed record NextBasketReport(
    string Dataset,
    string Protocol,
    IReadOnlyList<Edge.Contracts.Models.TrainingDataFile> Data,
    IReadOnlyList<SeedResult> Seeds,
    RankingResult MeanReferenceFrequency,
    RankingResult MeanFrequency,
    RankingResult MeanModel,
    RankingResult PublishedTifuKnn);
