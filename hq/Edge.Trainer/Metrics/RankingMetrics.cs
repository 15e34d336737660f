namespace Edge.Trainer.Metrics;

/// <summary>
/// Per-user ranking metrics exactly as the Reality Check paper's evaluation code defines them (Li et al. 2023,
/// metrics.py): the target is the set of distinct items of the future basket; relevance is binary.
/// Recall@k = |top-k ∩ target| / |target|. NDCG@k = DCG/IDCG with DCG = Σ_{i&lt;k, top[i]∈target} 1/log2(i+2) and
/// IDCG = Σ_{i&lt;|target|} 1/log2(i+2): the paper's get_NDCG sums the ideal gain over the whole target basket, not
/// over min(k, |target|) as the textbook does, so baskets larger than k can never reach 1. We follow the paper so
/// our figures compare with its table. Hit@k = 1 when top-k holds any target item.
/// </summary>
internal static class RankingMetrics
{
    public static double Recall(ReadOnlySpan<int> ranked, IReadOnlySet<int> target, int k)
    {
        if (target.Count == 0)
        {
            return 0;
        }

        return (double)Hits(ranked, target, k) / target.Count;
    }

    public static double Ndcg(ReadOnlySpan<int> ranked, IReadOnlySet<int> target, int k)
    {
        var n = Math.Min(k, ranked.Length);
        double dcg = 0;
        for (var i = 0; i < n; i++)
        {
            if (target.Contains(ranked[i]))
            {
                dcg += 1 / Math.Log2(i + 2);
            }
        }

        double idcg = 0;
        for (var i = 0; i < target.Count; i++)
        {
            idcg += 1 / Math.Log2(i + 2);
        }

        return idcg == 0 ? 0 : dcg / idcg;
    }

    public static double HitRate(ReadOnlySpan<int> ranked, IReadOnlySet<int> target, int k) =>
        Hits(ranked, target, k) > 0 ? 1 : 0;

    private static int Hits(ReadOnlySpan<int> ranked, IReadOnlySet<int> target, int k)
    {
        var n = Math.Min(k, ranked.Length);
        var hits = 0;
        for (var i = 0; i < n; i++)
        {
            if (target.Contains(ranked[i]))
            {
                hits++;
            }
        }

        return hits;
    }
}
