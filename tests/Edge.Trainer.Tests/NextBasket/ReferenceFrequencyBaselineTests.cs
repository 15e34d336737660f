using Edge.Trainer.NextBasket;

namespace Edge.Trainer.Tests.NextBasket;

public sealed class ReferenceFrequencyBaselineTests
{
    [Fact]
    public void Rank_TiesInFirstPurchaseOrder_ThenGlobalListWithoutRepeats()
    {
        // Counts: 5 -> 1, 3 -> 2, 9 -> 1; 3 first, then 5 and 9 in first-seen order, then global 7, (3 skipped), 8.
        var ranked = ReferenceFrequencyBaseline.Rank([[5, 3], [3, 9]], [7, 3, 8, 1], 5);
        Assert.Equal([3, 5, 9, 7, 8], ranked);
    }
}
