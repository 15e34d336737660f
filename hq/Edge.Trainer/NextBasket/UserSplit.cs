namespace Edge.Trainer.NextBasket;

/// <summary>
/// The Reality Check protocol's random user split: 72 % train, 8 % validation, 20 % test, drawn with a seed so a run
/// can be repeated. Indices refer to <see cref="BasketData"/>'s user order (ascending ids).
/// </summary>
internal sealed record UserSplit(int[] Train, int[] Validation, int[] Test)
{
    public static UserSplit Create(int userCount, int seed)
    {
        var order = new int[userCount];
        for (var i = 0; i < userCount; i++)
        {
            order[i] = i;
        }

        // Random(seed) is the seeded legacy generator: the same sequence on every .NET version and machine.
        var random = new Random(seed);
        for (var i = userCount - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var train = (int)(userCount * 0.72);
        var validation = (int)(userCount * 0.08);
        return new UserSplit(order[..train], order[train..(train + validation)], order[(train + validation)..]);
    }
}
