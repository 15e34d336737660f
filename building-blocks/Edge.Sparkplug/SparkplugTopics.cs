namespace Edge.Sparkplug;

/// <summary>
/// Sparkplug B 3.0 topic namespace: spBv1.0/{group_id}/{message_type}/{edge_node_id}[/{device_id}]. The hub is the
/// edge node (group = the chain's region, node = the store id); kiosks, screens, scanners, beacons and wearables are
/// its devices.
/// </summary>
public static class SparkplugTopics
{
    public const string Namespace = "spBv1.0";

    public static string Node(string group, string messageType, string node) => $"{Namespace}/{group}/{messageType}/{node}";

    public static string Device(string group, string messageType, string node, string device) => $"{Namespace}/{group}/{messageType}/{node}/{device}";

    /// <summary>The names of the well-known node metrics (specification 6.4.x and 8.x).</summary>
    public const string BdSeq = "bdSeq";
    public const string Rebirth = "Node Control/Rebirth";
    public const string Reboot = "Node Control/Reboot";

    /// <summary>Store Edge's own node commands (a boolean true, like Rebirth): see cloud-sync's README.</summary>
    public const string Resync = "Node Control/Resync";
    public const string DiagnosticBundle = "Node Control/Diagnostic Bundle";

    /// <summary>A topic level (group, node or device id) may not contain '/', '+' or '#'.</summary>
    public static bool IsValidId(string id) => !string.IsNullOrEmpty(id) && id.IndexOfAny(['/', '+', '#']) < 0;
}
