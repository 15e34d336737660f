namespace Edge.Trainer.NextBasket;

/// <summary>Running means of the five reported ranking metrics over users.</summary>
internal sealed class RankingScores
{
    private double _recall10;
    private double _ndcg10;
    private double _recall20;
    private double _ndcg20;
    private double _hit10;

    public int Users { get; private set; }

    public void Add(ReadOnlySpan<int> ranked, IReadOnlySet<int> target)
    {
        _recall10 += Metrics.RankingMetrics.Recall(ranked, target, 10);
        _ndcg10 += Metrics.RankingMetrics.Ndcg(ranked, target, 10);
        _recall20 += Metrics.RankingMetrics.Recall(ranked, target, 20);
        _ndcg20 += Metrics.RankingMetrics.Ndcg(ranked, target, 20);
        _hit10 += Metrics.RankingMetrics.HitRate(ranked, target, 10);
        Users++;
    }

    public RankingResult Result() => Users == 0
        ? new RankingResult(0, 0, 0, 0, 0, 0)
        : new RankingResult(Users, _recall10 / Users, _ndcg10 / Users, _recall20 / Users, _ndcg20 / Users, _hit10 / Users);
}
