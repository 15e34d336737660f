namespace Edge.Contracts.Zones;

/// <summary>Metres from the floor plan's origin.</summary>
public readonly record struct ZonePosition(double X, double Y);
