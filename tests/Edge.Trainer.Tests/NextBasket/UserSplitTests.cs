using Edge.Trainer.NextBasket;

namespace Edge.Trainer.Tests.NextBasket;

public sealed class UserSplitTests
{
    [Fact]
    public void Create_1000Users_Is72_8_20AndCoversEveryoneOnce()
    {
        var split = UserSplit.Create(1000, 3);
        Assert.Equal(720, split.Train.Length);
        Assert.Equal(80, split.Validation.Length);
        Assert.Equal(200, split.Test.Length);
        Assert.Equal(Enumerable.Range(0, 1000), split.Train.Concat(split.Validation).Concat(split.Test).Order());
    }

    [Fact]
    public void Create_SameSeed_SameSplit_OtherSeed_OtherSplit()
    {
        Assert.Equal(UserSplit.Create(500, 1).Test, UserSplit.Create(500, 1).Test);
        Assert.NotEqual(UserSplit.Create(500, 1).Test, UserSplit.Create(500, 2).Test);
    }
}
