using Edge.Sparkplug;

namespace Edge.FleetDashboard.Sparkplug;

/// <summary>A parsed edge-node or device topic: spBv1.0/{group}/{type}/{node}[/{device}].</summary>
internal readonly record struct SparkplugTopic(string Group, string MessageType, string Node, string? Device)
{
    private static readonly HashSet<string> NodeTypes = new(StringComparer.Ordinal) { "NBIRTH", "NDEATH", "NDATA", "NCMD" };
    private static readonly HashSet<string> DeviceTypes = new(StringComparer.Ordinal) { "DBIRTH", "DDEATH", "DDATA", "DCMD" };

    /// <summary>The topic, or null with the reason it is not an edge-node/device topic.</summary>
    public static SparkplugTopic? Parse(string topic, out string? error)
    {
        var levels = topic.Split('/');
        error = null;
        if (levels.Length is < 4 or > 5 || levels[0] != SparkplugTopics.Namespace)
        {
            error = "not spBv1.0/{group}/{type}/{node}[/{device}]";
            return null;
        }

        var type = levels[2];
        if (levels.Length == 4 ? !NodeTypes.Contains(type) : !DeviceTypes.Contains(type))
        {
            error = $"'{type}' is not a Sparkplug {(levels.Length == 4 ? "node" : "device")} message type";
            return null;
        }

        if (!levels.Skip(1).All(SparkplugTopics.IsValidId))
        {
            error = "an empty topic level";
            return null;
        }

        return new SparkplugTopic(levels[1], type, levels[3], levels.Length == 5 ? levels[4] : null);
    }
}
