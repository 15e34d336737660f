namespace Edge.Contracts.Zones;

/// <summary>
/// A BLE receiver or reference beacon. <see cref="TxPower"/> is the RSSI expected at 1 m (dBm, e.g. -59), the
/// calibration ESPresense and iBeacon both use for distance; null means the receiver's default.
/// </summary>
public sealed record ZoneReceiver(string Id, ReceiverKind Kind, ZonePosition Position, int? TxPower);
