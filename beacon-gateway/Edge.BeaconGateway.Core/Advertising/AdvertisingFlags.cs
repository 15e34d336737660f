namespace Edge.BeaconGateway.Advertising;

/// <summary>The Flags AD type's bits (Core Supplement Part A 1.3).</summary>
[Flags]
public enum AdvertisingFlags : byte
{
    None = 0,
    LeLimitedDiscoverable = 0x01,
    LeGeneralDiscoverable = 0x02,
    BrEdrNotSupported = 0x04,
    SimultaneousLeBrEdrController = 0x08,
    SimultaneousLeBrEdrHost = 0x10,
}
