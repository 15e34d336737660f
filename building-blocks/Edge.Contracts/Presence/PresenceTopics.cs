namespace Edge.Contracts.Presence;

/// <summary>Local-bus topics of beacon-gateway. Published at QoS 1, not retained.</summary>
public static class PresenceTopics
{
    /// <summary>store/presence/members/{entered|moved|dwelled|left}.</summary>
    public const string Members = LocalTopics.Presence + "/members";

    /// <summary>store/presence/beacons/{silent|telemetry}.</summary>
    public const string Beacons = LocalTopics.Presence + "/beacons";

    public static string For(PresenceEvent presenceEvent) => presenceEvent switch
    {
        MemberEntered => Members + "/entered",
        MemberMoved => Members + "/moved",
        MemberDwelled => Members + "/dwelled",
        MemberLeft => Members + "/left",
        _ => throw new ArgumentOutOfRangeException(nameof(presenceEvent), presenceEvent?.GetType().Name, "Unknown presence event"),
    };

    public static string For(StoreBeaconEvent beaconEvent) => beaconEvent switch
    {
        StoreBeaconSilent => Beacons + "/silent",
        StoreBeaconTelemetry => Beacons + "/telemetry",
        _ => throw new ArgumentOutOfRangeException(nameof(beaconEvent), beaconEvent?.GetType().Name, "Unknown beacon event"),
    };
}
