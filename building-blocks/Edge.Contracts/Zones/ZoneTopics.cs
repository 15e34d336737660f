namespace Edge.Contracts.Zones;

public static class ZoneTopics
{
    /// <summary>Retained: the current <see cref="StoreZones"/> document, so beacon-gateway gets it on (re)connect.</summary>
    public const string Config = LocalTopics.Root + "/config/zones";
}
