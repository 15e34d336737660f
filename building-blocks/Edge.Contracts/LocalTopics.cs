namespace Edge.Contracts;

/// <summary>Topic roots of the hub's local store bus (docs/topics.md). Staff alerts never leave the store.</summary>
public static class LocalTopics
{
    public const string Root = "store";
    public const string Presence = Root + "/presence";
    public const string StaffAlerts = Root + "/staff/alerts";
    public const string Kiosk = Root + "/kiosk";
    public const string ServiceStatus = Root + "/services";

    /// <summary>store/outbox/{stream}: events for the cloud; cloud-sync appends them to its durable outbox (Cloud/OutboxEvent).</summary>
    public const string Outbox = Root + "/outbox";

    public static string OutboxFor(string stream) => Outbox + "/" + stream;

    /// <summary>
    /// store/{kind}/{id}/status: retained plain text of a store device (kinds: kiosk, screens, beacons, scanners,
    /// wearables); "offline" or empty = gone. cloud-sync reports each as a Sparkplug device.
    /// </summary>
    public static string DeviceStatusFor(string kind, string id) => Root + "/" + kind + "/" + id + "/status";

    /// <summary>store/services/{service}/state: retained "running", "stopped" or (the will) "offline"; cloud-sync reports it to HQ.</summary>
    public static string ServiceStateFor(string service) => ServiceStatus + "/" + service + "/state";

    /// <summary>
    /// store/services/{service}/model: retained plain text naming the model bundle the service serves with
    /// ("{modelId} {version}", or "none" while rules decide); edge-agent publishes it, cloud-sync reports it to HQ as
    /// the Sparkplug metric Properties/Model Version. Under the service's own store/services/{service}/# ACL row.
    /// </summary>
    public static string ServiceModelFor(string service) => ServiceStatus + "/" + service + "/model";

    /// <summary>
    /// store/services/{service}/shadow-model: retained plain text naming the shadow model bundle that scores beside the
    /// serving one ("{modelId} {version}", or "none" when there is none); edge-agent publishes it, cloud-sync reports it
    /// to HQ as the Sparkplug metric Properties/Shadow Model Version. Under the same store/services/{service}/# ACL row.
    /// </summary>
    public static string ServiceShadowModelFor(string service) => ServiceStatus + "/" + service + "/shadow-model";
}
