namespace Edge.Contracts.Zones;

/// <summary>An area of the store (entrance, electronics, checkout) and the receivers that cover it.</summary>
public sealed record Zone(string Id, string Name, IReadOnlyList<ZoneReceiver> Receivers);
