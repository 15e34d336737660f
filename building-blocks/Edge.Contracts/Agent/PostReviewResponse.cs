namespace Edge.Contracts.Agent;

/// <summary>
/// <see cref="Published"/> true: <see cref="Review"/> is what others will see (phone numbers and e-mail addresses
/// masked). False: refused by moderation, <see cref="Reason"/> says why (e.g. "profanity").
/// </summary>
public sealed record PostReviewResponse(bool Published, ReviewView? Review, string? Reason);
