namespace Edge.Trainer.Metrics;

/// <summary>Metrics of a scored binary outcome.</summary>
internal static class ClassificationMetrics
{
    /// <summary>
    /// ROC AUC by the rank-sum (Mann-Whitney) formula with tied scores given their average rank, so a constant
    /// scorer gets exactly 0.5.
    /// </summary>
    public static double RocAuc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        var n = scores.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = scores.ToArray();
        Array.Sort(keys, order);
        double positiveRankSum = 0;
        long positives = 0;
        var start = 0;
        while (start < n)
        {
            var end = start;
            while (end + 1 < n && keys[end + 1] == keys[start])
            {
                end++;
            }

            var averageRank = (start + end + 2) / 2.0;
            for (var i = start; i <= end; i++)
            {
                if (labels[order[i]])
                {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }

            start = end + 1;
        }

        var negatives = n - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }

    /// <summary>
    /// Share of positives among the top ⌈fraction·n⌉ scores. Ties at the cut are broken by input order (stable), which
    /// is why baselines with many tied scores are also reported with AUC.
    /// </summary>
    public static double PrecisionAtTop(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, double fraction)
    {
        var n = scores.Length;
        var take = (int)Math.Ceiling(fraction * n);
        if (take == 0)
        {
            return double.NaN;
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = scores.ToArray();
        Array.Sort(order, (a, b) => keys[b] != keys[a] ? keys[b].CompareTo(keys[a]) : a.CompareTo(b));
        var positives = 0;
        for (var i = 0; i < take; i++)
        {
            if (labels[order[i]])
            {
                positives++;
            }
        }

        return (double)positives / take;
    }
}
