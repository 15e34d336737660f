using Edge.Messaging;
using Edge.Sparkplug;
using Edge.Sparkplug.Protobuf;
using Google.Protobuf;

namespace Edge.FleetDashboard.Tests.Harness;

/// <summary>
/// A hub's Sparkplug edge node, simulated by publishing real Sparkplug B payloads (Edge.Sparkplug's protobuf) on the
/// broker: NBIRTH with seq 0 and a bdSeq, then NDATA/DBIRTH/DDATA/DDEATH with seq counting up mod 256, NDEATH with a bdSeq.
/// </summary>
internal sealed class SimulatedEdgeNode(IMqttClient client, string group, string node)
{
    private ulong _seq;

    public string Node => node;

    public static Payload.Types.Metric Long(string name, long value) => new() { Name = name, Datatype = (uint)SparkplugDataType.Int64, LongValue = unchecked((ulong)value) };

    public static Payload.Types.Metric Double(string name, double value) => new() { Name = name, Datatype = (uint)SparkplugDataType.Double, DoubleValue = value };

    public static Payload.Types.Metric Bool(string name, bool value) => new() { Name = name, Datatype = (uint)SparkplugDataType.Boolean, BooleanValue = value };

    public static Payload.Types.Metric Text(string name, string value) => new() { Name = name, Datatype = (uint)SparkplugDataType.String, StringValue = value };

    public static Payload.Types.Metric Time(string name, DateTimeOffset value) => new() { Name = name, Datatype = (uint)SparkplugDataType.DateTime, LongValue = (ulong)value.ToUnixTimeMilliseconds() };

    /// <summary>The metrics cloud-sync's NBIRTH carries (cloud-sync/Edge.CloudSync/Fleet/FleetNode.cs), with test values.</summary>
    public static Payload.Types.Metric[] HubMetrics(long bdSeq, DateTimeOffset now) =>
    [
        Long(SparkplugTopics.BdSeq, bdSeq),
        Bool(SparkplugTopics.Rebirth, false),
        Text("Properties/Store Id", "s"),
        Text("Properties/Hub Id", "hub-1"),
        Text("Properties/Version", "1.2.3"),
        Text("Services/cloud-sync/State", "running"),
        Text("Services/edge-agent/State", "running"),
        Double("Outbox/Oldest Unsent Age (s)", 12.5),
        Time("Sync/Last Ack", now.AddSeconds(-5)),
        Bool("Sync/Cloud Connected", true),
        Long("Presence/Members Present", 3),
        Time("Certificate/Not After", now.AddDays(200)),
        Double("Certificate/Days Left", 200),
        Bool("Alarms/Outbox Over Quota", false),
        Long("Alarms/Downstream Rejected", 0),
        Long("Outbox/offers-issued/Depth", 4),
        Long("Outbox/redemptions/Depth", 1),
    ];

    public Task BirthAsync(long bdSeq, IEnumerable<Payload.Types.Metric> metrics)
    {
        _seq = 0;
        return PublishAsync(SparkplugTopics.Node(group, "NBIRTH", node), metrics, 0);
    }

    public Task DataAsync(params Payload.Types.Metric[] metrics) => PublishAsync(SparkplugTopics.Node(group, "NDATA", node), metrics, NextSeq());

    public Task DeathAsync(long bdSeq) => PublishAsync(SparkplugTopics.Node(group, "NDEATH", node), [Long(SparkplugTopics.BdSeq, bdSeq)], seq: null);

    public Task DeviceBirthAsync(string device, string status) =>
        PublishAsync(SparkplugTopics.Device(group, "DBIRTH", node, device), [Text("Status", status), Text("Kind", device.Split('-')[0])], NextSeq());

    public Task DeviceDataAsync(string device, string status) =>
        PublishAsync(SparkplugTopics.Device(group, "DDATA", node, device), [Text("Status", status)], NextSeq());

    public Task DeviceDeathAsync(string device) => PublishAsync(SparkplugTopics.Device(group, "DDEATH", node, device), [], NextSeq());

    /// <summary>Loses <paramref name="count"/> messages' worth of seq numbers, as a dropped QoS 0 NDATA would.</summary>
    public void Skip(int count) => _seq = (_seq + (ulong)count) % 256;

    public Task RawAsync(string messageType, byte[] payload) =>
        client.PublishAsync(new MqttMessage(SparkplugTopics.Node(group, messageType, node), payload) { Qos = MqttQualityOfService.AtLeastOnce });

    private ulong NextSeq() => _seq = (_seq + 1) % 256;

    private async Task PublishAsync(string topic, IEnumerable<Payload.Types.Metric> metrics, ulong? seq)
    {
        var payload = new Payload { Timestamp = 1_795_000_000_000 };
        if (seq is { } s)
        {
            payload.Seq = s;
        }

        payload.Metrics.Add(metrics.Select(m => m.Clone()));
        // QoS 1 in tests so that the order and arrival are certain (cloud-sync uses QoS 0; the host does not care).
        await client.PublishAsync(new MqttMessage(topic, payload.ToByteArray()) { Qos = MqttQualityOfService.AtLeastOnce });
    }
}
