namespace Edge.Provisioning.Zones;

/// <summary>zones import --json.</summary>
internal sealed record ZonesImportResult(string Source, bool Written, string? Target, int Zones, int Receivers, IReadOnlyList<string> Errors);
