namespace Edge.Contracts.Cloud;

/// <summary>
/// Topics of the business plane, both ends: the hub's local bus (producers -> cloud-sync -> consumers) and the
/// central broker (retail/v1/{store}/...). Stream, kind and command names follow <see cref="CloudEnvelopeRules.NamePattern"/>.
/// </summary>
public static class CloudTopics
{
    /// <summary>Local bus: producers (edge-agent, kiosk-ui) publish an <see cref="OutboxEvent"/> to store/outbox/{stream} at QoS 1.</summary>
    public const string LocalOutbox = LocalTopics.Root + "/outbox";

    /// <summary>Local bus: cloud-sync forwards each applied downstream message as a <see cref="LocalDownEvent"/> to store/down/{kind} (QoS 1).</summary>
    public const string LocalDown = LocalTopics.Root + "/down";

    /// <summary>The filter cloud-sync subscribes to on the local bus.</summary>
    public const string LocalOutboxFilter = LocalOutbox + "/+";

    public static string LocalOutboxFor(string stream) => $"{LocalOutbox}/{stream}";

    public static string LocalDownFor(string kind) => $"{LocalDown}/{kind}";

    /// <summary>Central broker root of one store: retail/v1/{store}.</summary>
    public static string StoreRoot(string storeId) => $"retail/v1/{storeId}";

    /// <summary>Up: one <see cref="UpBatch"/> per MQTT message, QoS 1: retail/v1/{store}/up/{stream}.</summary>
    public static string Up(string storeId, string stream) => $"{StoreRoot(storeId)}/up/{stream}";

    /// <summary>Down: retail/v1/{store}/down/{kind}; payload is the body, envelope in MQTT 5 user properties (<see cref="DownProperties"/>).</summary>
    public static string Down(string storeId, string kind) => $"{StoreRoot(storeId)}/down/{kind}";

    /// <summary>Commands: retail/v1/{store}/cmd/{name}, MQTT 5 request with response topic and correlation data.</summary>
    public static string Command(string storeId, string name) => $"{StoreRoot(storeId)}/cmd/{name}";

    public static string DownFilter(string storeId) => $"{StoreRoot(storeId)}/down/#";

    public static string CommandFilter(string storeId) => $"{StoreRoot(storeId)}/cmd/#";
}
