namespace Edge.Trainer.NextBasket;

/// <summary>Mean metrics over <paramref name="Users"/> test users.</summary>
internal sealed record RankingResult(int Users, double Recall10, double Ndcg10, double Recall20, double Ndcg20, double HitRate10)
{
    public static RankingResult Mean(IReadOnlyList<RankingResult> runs) => new(
        (int)runs.Average(r => r.Users),
        runs.Average(r => r.Recall10),
        runs.Average(r => r.Ndcg10),
        runs.Average(r => r.Recall20),
        runs.Average(r => r.Ndcg20),
        runs.Average(r => r.HitRate10));
}
