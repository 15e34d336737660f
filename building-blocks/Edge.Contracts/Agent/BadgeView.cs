namespace Edge.Contracts.Agent;

/// <summary>
/// A badge and how far the member is towards it, computed on the hub from what it recorded (check-ins, reviews,
/// prize draws). <see cref="BadgeId"/> is stable ("first-review", "first-draw", "check-ins-5"); kiosks name it in their language.
/// </summary>
public sealed record BadgeView(string BadgeId, bool Earned, int Progress, int Target);
