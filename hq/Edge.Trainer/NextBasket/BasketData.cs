namespace Edge.Trainer.NextBasket;

/// <summary>
/// Users' history baskets (oldest first) and each user's future basket as a set of distinct items, users in
/// ascending id order. Items are dense ids 0..ItemCount-1 as in the Reality Check preprocessing. GlobalOrder is
/// the Reality Check's popularity list (tafeng_pop.csv), most popular first.
/// </summary>
internal sealed record BasketData(int[] UserIds, int[][][] History, HashSet<int>[] Future, int ItemCount, int[] GlobalOrder)
{
    public int UserCount => UserIds.Length;

    /// <summary>Occurrences of each item over all history baskets (never the future ones).</summary>
    public float[] Popularity()
    {
        var counts = new float[ItemCount];
        foreach (var user in History)
        {
            foreach (var basket in user)
            {
                foreach (var item in basket)
                {
                    counts[item]++;
                }
            }
        }

        return counts;
    }

    /// <summary>The first <paramref name="count"/> users only (for quick runs and tests).</summary>
    public BasketData Take(int count)
    {
        var n = Math.Min(count, UserCount);
        return this with { UserIds = UserIds[..n], History = History[..n], Future = Future[..n] };
    }
}
