namespace Edge.BeaconGateway.Motion;

/// <summary>A PIR sensor's output changed: <see cref="Active"/> true when it starts seeing motion, false when it stops.</summary>
public readonly record struct MotionEdge(string SensorId, bool Active, DateTimeOffset At);
