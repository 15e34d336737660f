namespace Edge.BeaconGateway.Hci;

/// <summary>H4 (UART transport) packet indicators, Core Vol 4 Part A 2.</summary>
public enum HciPacketType : byte
{
    Command = 0x01,
    AclData = 0x02,
    ScoData = 0x03,
    Event = 0x04,
    IsoData = 0x05,
}
