namespace Edge.BeaconGateway.Hci;

/// <summary>Sub-type of a random device address, from its two most significant bits (Vol 6 Part B 1.3.2).</summary>
public enum RandomAddressKind : byte
{
    NonResolvablePrivate = 0b00,
    ResolvablePrivate = 0b01,
    Reserved = 0b10,
    Static = 0b11,
}
