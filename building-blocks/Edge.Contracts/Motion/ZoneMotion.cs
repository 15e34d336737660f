namespace Edge.Contracts.Motion;

/// <summary>
/// A zone's anonymous motion state from its PIR sensors: screens in the zone wake on <c>Active</c> and dim again on
/// its end. No identity is involved: a PIR sees warmth moving, not who. Retained, so a screen that starts later knows.
/// </summary>
public sealed record ZoneMotion(string Zone, bool Active, DateTimeOffset At);
