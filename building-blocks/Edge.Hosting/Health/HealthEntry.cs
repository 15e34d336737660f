namespace Edge.Hosting.Health;

public sealed record HealthEntry(string Status, string? Description);
