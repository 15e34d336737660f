namespace Edge.BeaconGateway.Remote;

/// <summary>
/// Topics of remote BLE receivers on the local broker.
/// ESPresense nodes publish <c>espresense/devices/{deviceId}/{room}</c> with JSON such as
/// <c>{"id":"iBeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0-1-7","rssi@1m":-59,"rssi":-72,"distance":2.3,"mac":"c0ffee000001"}</c>;
/// the room must be a configured receiver id. Raw-advert relays publish <c>store/ble/raw/{receiverId}</c> with
/// <c>{"mac":"AA:BB:CC:DD:EE:FF","addrType":1,"rssi":-70,"data":"0201060d16f6ff01..."}</c> (data = the advertising
/// data as hex); only relays can carry members' rotating IDs, which ESPresense firmware does not decode.
/// </summary>
public static class RemoteTopics
{
    public const string EspresenseDevices = "espresense/devices/+/+";
    public const string RawAdverts = "store/ble/raw/+";
    public const string EspresensePrefix = "espresense/devices/";
    public const string RawPrefix = "store/ble/raw/";
}
