using Edge.Sparkplug;
using Edge.Sparkplug.Protobuf;
using Google.Protobuf;

namespace Edge.FleetDashboard.Sparkplug;

/// <summary>The commands the dashboard offers, and their NCMD payloads.</summary>
internal static class NodeCommands
{
    public static readonly NodeCommand Rebirth = new("rebirth", SparkplugTopics.Rebirth, "Ask for a rebirth", HandledByHub: true);

    /// <summary>The hub asks the cloud to re-send every down message after its inbox marks (cloud-sync's README, docs/adr/0010).</summary>
    public static readonly NodeCommand Resync = new("resync", SparkplugTopics.Resync, "Resync with the cloud", HandledByHub: true);

    /// <summary>The hub sends a diagnostic bundle up; the reference cloud serves it (GET /api/stores/{s}/diagnostics).</summary>
    public static readonly NodeCommand DiagnosticBundle = new("diagnostics", SparkplugTopics.DiagnosticBundle, "Request a diagnostic bundle", HandledByHub: true);

    public static readonly IReadOnlyList<NodeCommand> All = [Rebirth, Resync, DiagnosticBundle];

    public static NodeCommand? Find(string name) => All.FirstOrDefault(c => c.Name == name);

    public static string Topic(string group, string node) => SparkplugTopics.Node(group, "NCMD", node);

    /// <summary>An NCMD payload with one boolean metric set to true (Sparkplug NCMDs carry no seq).</summary>
    public static byte[] Payload(NodeCommand command, DateTimeOffset now)
    {
        var ms = (ulong)now.ToUnixTimeMilliseconds();
        var payload = new Payload { Timestamp = ms };
        payload.Metrics.Add(new Payload.Types.Metric { Name = command.Metric, Datatype = (uint)SparkplugDataType.Boolean, BooleanValue = true, Timestamp = ms });
        return payload.ToByteArray();
    }
}
