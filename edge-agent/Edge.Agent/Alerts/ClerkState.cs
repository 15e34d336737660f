namespace Edge.Agent.Alerts;

/// <summary>A clerk as the wearable last reported: on shift, busy, zone.</summary>
internal sealed record ClerkState(string ClerkId, bool OnShift, bool Busy, string? Zone);
