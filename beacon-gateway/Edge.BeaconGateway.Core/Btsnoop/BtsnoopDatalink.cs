namespace Edge.BeaconGateway.Btsnoop;

/// <summary>btsnoop datalink types the gateway reads (RFC 1761 style header, values from the btsnoop format).</summary>
public enum BtsnoopDatalink : uint
{
    /// <summary>Un-encapsulated HCI (H1): the packet type comes from the record flags.</summary>
    H1 = 1001,

    /// <summary>HCI UART (H4): the first byte of each record is the packet type. What Android and btmon write.</summary>
    H4 = 1002,
}
