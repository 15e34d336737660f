namespace Edge.Hosting.Health;

/// <summary>Body of GET /healthz.</summary>
public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, HealthEntry> Checks);
