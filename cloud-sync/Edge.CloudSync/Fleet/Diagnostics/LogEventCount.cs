namespace Edge.CloudSync.Fleet.Diagnostics;

/// <summary>How often cloud-sync logged one warning or error event since it started.</summary>
internal sealed record LogEventCount(string Level, int EventId, string Name, long Count);
