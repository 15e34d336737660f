using Edge.Trainer.Metrics;

namespace Edge.Trainer.Tests.Metrics;

public sealed class RankingMetricsTests
{
    // Ranked [1, 2, 3, 4] against target {2, 4, 9}: hits at positions 2 and 4 (1-based).
    private static readonly int[] s_ranked = [1, 2, 3, 4];
    private static readonly HashSet<int> s_target = [2, 4, 9];

    // IDCG sums over the whole target basket (3 items), as the Reality Check's get_NDCG does: 1 + 1/log2(3) + 1/2.
    private static readonly double s_idcg = 1 + (1 / Math.Log2(3)) + 0.5;

    [Fact]
    public void Recall_HitsOverTargetSize_CountsOnlyTopK()
    {
        Assert.Equal(1.0 / 3, RankingMetrics.Recall(s_ranked, s_target, 2), 12);
        Assert.Equal(2.0 / 3, RankingMetrics.Recall(s_ranked, s_target, 4), 12);
        Assert.Equal(2.0 / 3, RankingMetrics.Recall(s_ranked, s_target, 10), 12);
    }

    [Fact]
    public void Ndcg_HandComputed_IdcgOverWholeTarget()
    {
        Assert.Equal((1 / Math.Log2(3)) / s_idcg, RankingMetrics.Ndcg(s_ranked, s_target, 2), 12);
        Assert.Equal(((1 / Math.Log2(3)) + (1 / Math.Log2(5))) / s_idcg, RankingMetrics.Ndcg(s_ranked, s_target, 4), 12);
    }

    [Fact]
    public void Ndcg_PerfectRankingOfSmallTarget_IsOne()
    {
        Assert.Equal(1.0, RankingMetrics.Ndcg([7, 8, 1], new HashSet<int> { 7, 8 }, 10), 12);
    }

    [Fact]
    public void HitRate_FirstHitAfterK_IsZero()
    {
        Assert.Equal(0, RankingMetrics.HitRate(s_ranked, s_target, 1));
        Assert.Equal(1, RankingMetrics.HitRate(s_ranked, s_target, 2));
    }

    [Fact]
    public void Recall_EmptyTarget_IsZeroNotNaN()
    {
        Assert.Equal(0, RankingMetrics.Recall(s_ranked, new HashSet<int>(), 10));
    }
}
