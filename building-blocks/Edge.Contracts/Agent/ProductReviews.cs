namespace Edge.Contracts.Agent;

/// <summary>Reviews of a product, newest first. <see cref="Histogram"/> has 5 entries: [0] = one star ... [4] = five stars.</summary>
public sealed record ProductReviews(string ProductId, int Count, double AverageRating, IReadOnlyList<int> Histogram, IReadOnlyList<ReviewView> Reviews);
