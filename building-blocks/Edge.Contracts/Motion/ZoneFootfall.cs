namespace Edge.Contracts.Motion;

/// <summary>Motion onsets counted in a zone over [From, To): an anonymous footfall figure for store reports.</summary>
public sealed record ZoneFootfall(string Zone, int Count, DateTimeOffset From, DateTimeOffset To);
