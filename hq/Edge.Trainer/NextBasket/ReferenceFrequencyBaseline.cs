namespace Edge.Trainer.NextBasket;

/// <summary>
/// The Reality Check's gp_topfreq.py exactly: the user's items by purchase count, equal counts in order of first
/// purchase (Python's stable sort over first-seen order), then the global list of tafeng_pop.csv in file order.
/// Used to validate our metric code against the published ~0.122 Recall@10.
/// </summary>
internal static class ReferenceFrequencyBaseline
{
    public static int[] Rank(int[][] history, IReadOnlyList<int> globalOrder, int k)
    {
        var counts = new Dictionary<int, int>();
        var firstSeen = new List<int>();
        foreach (var basket in history)
        {
            foreach (var item in basket)
            {
                if (counts.TryGetValue(item, out var c))
                {
                    counts[item] = c + 1;
                }
                else
                {
                    counts[item] = 1;
                    firstSeen.Add(item);
                }
            }
        }

        // OrderBy is a stable sort, like Python's sorted().
        var ranked = firstSeen.OrderByDescending(item => counts[item]).Take(k).ToList();
        for (var i = 0; ranked.Count < k && i < globalOrder.Count; i++)
        {
            if (!counts.ContainsKey(globalOrder[i]))
            {
                ranked.Add(globalOrder[i]);
            }
        }

        return [.. ranked];
    }
}
