using Edge.Contracts.Models;

namespace Edge.Trainer.Offers;

/// <summary>
/// One row per household x campaign, in a fixed order (campaign start, campaign id, household id): raw features
/// (row-major, <see cref="Features"/>.Count columns), label, the campaign and its start, and the household's past
/// redemption rate (the first baseline).
/// </summary>
internal sealed record OfferDataset(
    IReadOnlyList<ModelFeature> Features,
    double[] X,
    bool[] Labels,
    int[] CampaignIds,
    DateOnly[] Starts,
    double[] PastRedemptionRate)
{
    public int Rows => Labels.Length;

    public int Columns => Features.Count;

    public ReadOnlySpan<double> Row(int row) => X.AsSpan(row * Columns, Columns);
}
