using Edge.Contracts.Models;
using Edge.Trainer.Metrics;

namespace Edge.Trainer.Offers;

/// <summary>AUC and precision in the top 10 % of one scorer on the test pairs.</summary>
internal static class OfferEvaluation
{
    public const double TopFraction = 0.10;

    public static IEnumerable<ModelMetric> Measure(string scorer, double[] scores, bool[] labels)
    {
        yield return new ModelMetric(scorer, "roc_auc", Math.Round(ClassificationMetrics.RocAuc(scores, labels), 6));
        yield return new ModelMetric(scorer, "precision_at_top_10pct", Math.Round(ClassificationMetrics.PrecisionAtTop(scores, labels, TopFraction), 6));
    }
}
