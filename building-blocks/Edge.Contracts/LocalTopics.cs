namespace Edge.Contracts;

/// <summary>Topic roots of the hub's local store bus (docs/topics.md). Staff alerts never leave the store.</summary>
public static class LocalTopics
{
    public const string Root = "store";
    public const string Presence = Root + "/presence";
    public const string StaffAlerts = Root + "/staff/alerts";
    public const string Kiosk = Root + "/kiosk";
    public const string ServiceStatus = Root + "/services";
}
