using Edge.Trainer.Metrics;

namespace Edge.Trainer.Tests.Metrics;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void RocAuc_HandComputed_ThreeOfFourPairsOrdered()
    {
        // Positives 0.35 and 0.8 against negatives 0.1 and 0.4: (0.35>0.1), (0.35<0.4), (0.8>0.1), (0.8>0.4) = 3/4.
        Assert.Equal(0.75, ClassificationMetrics.RocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 12);
    }

    [Fact]
    public void RocAuc_ConstantScores_IsHalf()
    {
        Assert.Equal(0.5, ClassificationMetrics.RocAuc([0.3, 0.3, 0.3, 0.3], [false, true, false, true]), 12);
    }

    [Fact]
    public void RocAuc_TieBetweenPositiveAndNegative_CountsHalf()
    {
        // Pairs: (0.5 vs 0.5) = 1/2, (0.9 vs 0.5) = 1: (1.5) / 2.
        Assert.Equal(0.75, ClassificationMetrics.RocAuc([0.5, 0.5, 0.9], [false, true, true]), 12);
    }

    [Fact]
    public void RocAuc_OneClassOnly_IsNaN()
    {
        Assert.True(double.IsNaN(ClassificationMetrics.RocAuc([0.1, 0.2], [true, true])));
    }

    [Fact]
    public void PrecisionAtTop_TenPercentOfTwenty_UsesTopTwo()
    {
        var scores = Enumerable.Range(0, 20).Select(i => (double)i).ToArray();
        var labels = new bool[20];
        labels[19] = true; // best score, a positive
        labels[17] = true; // third best: outside the top 2
        Assert.Equal(0.5, ClassificationMetrics.PrecisionAtTop(scores, labels, 0.10), 12);
    }
}
