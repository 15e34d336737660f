namespace Edge.Trainer.Offers;

/// <summary>
/// Temporal split by campaign start: pairs are taken in campaign start order and the start date at which the running
/// share of pairs comes nearest <see cref="TrainShare"/> opens the test period; every pair of a campaign starting on or
/// after that date is a test pair. Train on earlier campaigns, test on later ones.
/// </summary>
internal sealed record OfferSplit(DateOnly TestFrom, int[] Train, int[] Test)
{
    public const double TrainShare = 0.7;

    public static OfferSplit Create(OfferDataset data) => Create(data, TrainShare, Enumerable.Range(0, data.Rows).ToArray());

    /// <summary>Splits <paramref name="rows"/> (in start order) so about <paramref name="share"/> of them come first.</summary>
    public static OfferSplit Create(OfferDataset data, double share, int[] rows)
    {
        var target = (int)(rows.Length * share);
        var testFrom = data.Starts[rows[^1]];
        var bestDistance = int.MaxValue;
        for (var i = 1; i < rows.Length; i++)
        {
            // Only a change of start date can separate periods; take the one nearest the target share.
            if (data.Starts[rows[i]] > data.Starts[rows[i - 1]] && Math.Abs(i - target) < bestDistance)
            {
                (testFrom, bestDistance) = (data.Starts[rows[i]], Math.Abs(i - target));
            }
        }

        return new OfferSplit(testFrom, [.. rows.Where(r => data.Starts[r] < testFrom)], [.. rows.Where(r => data.Starts[r] >= testFrom)]);
    }
}
