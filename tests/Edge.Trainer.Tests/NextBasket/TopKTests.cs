using Edge.Trainer.NextBasket;

namespace Edge.Trainer.Tests.NextBasket;

public sealed class TopKTests
{
    [Fact]
    public void Select_EqualScores_LowerIndexFirst()
    {
        Assert.Equal([3, 1, 2], TopK.Select([0.1f, 0.5f, 0.5f, 0.9f, 0.0f], 3));
    }

    [Fact]
    public void Select_MoreRequestedThanItems_ReturnsAllSorted()
    {
        Assert.Equal([1, 0], TopK.Select([0.2f, 0.7f], 5));
    }

    [Fact]
    public void Select_MatchesFullSort_OnRandomScores()
    {
        var random = new Random(7);
        var scores = Enumerable.Range(0, 500).Select(_ => (float)Math.Round(random.NextDouble(), 2)).ToArray();
        var expected = scores.Select((s, i) => (s, i)).OrderByDescending(p => p.s).ThenBy(p => p.i).Take(20).Select(p => p.i).ToArray();
        Assert.Equal(expected, TopK.Select(scores, 20));
    }
}
