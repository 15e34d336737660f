using System.Text.Json.Serialization;

namespace Edge.Contracts.Presence;

/// <summary>Health of the store's own fixed beacons (fleet health), keyed by the configured beacon id.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StoreBeaconSilent), "silent")]
[JsonDerivedType(typeof(StoreBeaconTelemetry), "telemetry")]
public abstract record StoreBeaconEvent(string EventId, string BeaconId, DateTimeOffset OccurredAt);
