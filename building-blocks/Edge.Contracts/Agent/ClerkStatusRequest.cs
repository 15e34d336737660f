namespace Edge.Contracts.Agent;

/// <summary>A clerk's wearable reports shift, zone and busy state; alerts go only to on-shift, not busy clerks of the zone.</summary>
public sealed record ClerkStatusRequest(bool OnShift, bool Busy, string? Zone);
