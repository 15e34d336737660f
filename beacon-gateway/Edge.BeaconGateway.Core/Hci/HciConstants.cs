namespace Edge.BeaconGateway.Hci;

/// <summary>Event codes, LE subevent codes and opcodes used by the gateway (Bluetooth Core 5.4, Vol 4 Part E 7).</summary>
public static class HciConstants
{
    public const byte EventCommandComplete = 0x0E;
    public const byte EventCommandStatus = 0x0F;
    public const byte EventHardwareError = 0x10;
    public const byte EventLeMeta = 0x3E;

    public const byte SubeventAdvertisingReport = 0x02;
    public const byte SubeventExtendedAdvertisingReport = 0x0D;

    /// <summary>OGF 0x03 (controller and baseband), OCF 0x0003.</summary>
    public const ushort OpReset = 0x0C03;

    /// <summary>OGF 0x08 (LE controller) opcodes.</summary>
    public const ushort OpLeSetEventMask = 0x2001;
    public const ushort OpLeSetScanParameters = 0x200B;
    public const ushort OpLeSetScanEnable = 0x200C;
    public const ushort OpLeSetExtendedScanParameters = 0x2041;
    public const ushort OpLeSetExtendedScanEnable = 0x2042;

    /// <summary>Largest advertising data an extended advert can carry after reassembly (Vol 4 Part E 7.8.65).</summary>
    public const int MaxExtendedAdvertisingData = 1650;

    /// <summary>Largest HCI event: code, length byte and 255 parameter bytes.</summary>
    public const int MaxEventLength = 257;

    /// <summary>RSSI value meaning "not available" in advertising reports.</summary>
    public const sbyte RssiNotAvailable = 127;
}
