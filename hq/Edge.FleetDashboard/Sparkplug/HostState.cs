namespace Edge.FleetDashboard.Sparkplug;

/// <summary>The Sparkplug B 3.0 primary host STATE payload (specification 7.1.2): UTF-8 JSON, published retained at QoS 1.</summary>
internal sealed record HostState(bool Online, long Timestamp);
