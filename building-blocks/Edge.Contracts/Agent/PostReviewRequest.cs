namespace Edge.Contracts.Agent;

/// <summary>A member's review from a kiosk session. Rating 1-5; text up to 2000 characters.</summary>
public sealed record PostReviewRequest(string SessionId, int Rating, string Text);
