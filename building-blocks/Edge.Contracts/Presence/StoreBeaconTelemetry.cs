namespace Edge.Contracts.Presence;

/// <summary>Battery and temperature a store beacon sent in Eddystone-TLM; null where the beacon does not report it.</summary>
public sealed record StoreBeaconTelemetry(string EventId, string BeaconId, DateTimeOffset OccurredAt, int? BatteryMillivolts, double? TemperatureCelsius)
    : StoreBeaconEvent(EventId, BeaconId, OccurredAt);
