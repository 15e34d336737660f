namespace Edge.Contracts.Agent;

/// <summary>
/// A published review. <see cref="Text"/> is moderated plain text (personal data masked); render it as text, never as markup.
/// <see cref="VerifiedPurchase"/>: the author bought the product (a receipt line or a redeemed coupon for it on this hub).
/// </summary>
public sealed record ReviewView(string ReviewId, string ProductId, int Rating, string Text, string AuthorFirstName, DateTimeOffset CreatedAt, bool VerifiedPurchase = false);
