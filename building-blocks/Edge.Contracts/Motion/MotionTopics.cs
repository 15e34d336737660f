namespace Edge.Contracts.Motion;

/// <summary>Local-bus topics of zone motion (beacon-gateway publishes, kiosk-ui and signage read).</summary>
public static class MotionTopics
{
    /// <summary>store/zones/{zone}/motion: <see cref="ZoneMotion"/>, QoS 1, retained.</summary>
    public static string Motion(string zone) => $"{LocalTopics.Root}/zones/{zone}/motion";

    /// <summary>store/zones/{zone}/footfall: <see cref="ZoneFootfall"/>, QoS 1, not retained.</summary>
    public static string Footfall(string zone) => $"{LocalTopics.Root}/zones/{zone}/footfall";

    /// <summary>Subscribe filter for every zone's motion.</summary>
    public const string AllMotion = LocalTopics.Root + "/zones/+/motion";
}
