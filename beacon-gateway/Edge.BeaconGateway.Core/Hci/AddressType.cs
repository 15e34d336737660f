namespace Edge.BeaconGateway.Hci;

/// <summary>Advertiser address type as reported by the controller (Vol 4 Part E 7.7.65.2 / 7.7.65.13).</summary>
public enum AddressType : byte
{
    Public = 0x00,
    Random = 0x01,

    /// <summary>Public identity address resolved by the controller's resolving list.</summary>
    PublicIdentity = 0x02,

    /// <summary>Random (static) identity address resolved by the controller's resolving list.</summary>
    RandomIdentity = 0x03,

    /// <summary>No address provided (anonymous advertisement, extended reports only).</summary>
    Anonymous = 0xFF,
}
