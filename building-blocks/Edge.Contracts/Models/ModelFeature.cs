namespace Edge.Contracts.Models;

/// <summary>
/// One input column. The model standardises inside its graph ((x - Mean) / Scale), so the hub feeds the raw value
/// described by <paramref name="Kind"/> and <paramref name="Description"/>; Mean and Scale are here for audit.
/// </summary>
/// <param name="Index">Column in the input tensor.</param>
/// <param name="Name">Feature name, e.g. "age=45-54" or "past_redemption_rate".</param>
/// <param name="Kind">How the raw value is made (<see cref="FeatureKind"/>).</param>
/// <param name="Description">What the raw value is, in words.</param>
/// <param name="Mean">Training mean subtracted inside the graph.</param>
/// <param name="Scale">Training standard deviation divided inside the graph (1 when the column was constant).</param>
public sealed record ModelFeature(int Index, string Name, FeatureKind Kind, string Description, double Mean, double Scale);
