using Edge.Trainer.NextBasket;

namespace Edge.Trainer.Tests.NextBasket;

public sealed class TifuVectorsTests
{
    [Fact]
    public void Build_ThreeBasketsGroupsOfTwo_HandComputedDecays()
    {
        // Baskets [0], [1], [0,1] with m=2, rb=rg=0.5: groups {[0]} and {[1],[0,1]} (the oldest holds the remainder).
        // Old group weight rg^1/2 = 0.25: item0 += 0.25. New group weight 1/2: [1] gets 0.5·rb/2 = 0.125,
        // [0,1] gets 0.5·1/2 = 0.25. So item0 = 0.5, item1 = 0.375.
        var vector = TifuVectors.Build([[0], [1], [0, 1]], 2, 0.5f, 0.5f, new float[2], []);
        Assert.Equal([0, 1], vector.Items);
        Assert.Equal(0.5f, vector.Values[0], 6);
        Assert.Equal(0.375f, vector.Values[1], 6);
    }

    [Fact]
    public void Neighbours_NearestByCosine_NeverSelf()
    {
        var data = new BasketData(
            [1, 2, 3, 4],
            [[[0, 1]], [[0, 1, 2]], [[5]], [[0]]],
            [[0], [0], [0], [0]],
            6,
            []);
        var vectors = new TifuVectors(data, 1, 1, 1);
        var nearest = vectors.Neighbours(0, 3, new float[4], []);

        // User 1 shares 2 of its 3 items (cos 0.816), user 3 one of one (cos 0.707); user 2 shares none.
        Assert.Equal([1, 3], nearest);
    }
}
