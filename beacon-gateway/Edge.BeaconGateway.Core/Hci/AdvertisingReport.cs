namespace Edge.BeaconGateway.Hci;

/// <summary>
/// One advertisement as the controller reported it, legacy or extended, with its data reassembled. A ref struct:
/// <see cref="Data"/> points into the event buffer (or the reassembly buffer) and is valid only during the callback.
/// </summary>
public readonly ref struct AdvertisingReport
{
    public AdvertisingReport(
        ushort eventType, bool isExtended, BleAddress address, sbyte rssi, sbyte txPower, byte primaryPhy,
        byte secondaryPhy, byte advertisingSid, ReadOnlySpan<byte> data)
    {
        EventType = eventType;
        IsExtended = isExtended;
        Address = address;
        Rssi = rssi;
        TxPower = txPower;
        PrimaryPhy = primaryPhy;
        SecondaryPhy = secondaryPhy;
        AdvertisingSid = advertisingSid;
        Data = data;
    }

    /// <summary>Legacy: 0 ADV_IND .. 4 SCAN_RSP. Extended: the bit field of Vol 4 Part E 7.7.65.13.</summary>
    public ushort EventType { get; }

    public bool IsExtended { get; }

    public BleAddress Address { get; }

    /// <summary>dBm; 127 means not available.</summary>
    public sbyte Rssi { get; }

    /// <summary>dBm as advertised in the extended header; 127 means not available (always for legacy reports).</summary>
    public sbyte TxPower { get; }

    public byte PrimaryPhy { get; }

    public byte SecondaryPhy { get; }

    /// <summary>0xFF when no ADI field was present.</summary>
    public byte AdvertisingSid { get; }

    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Extended event type bit 4: the PDU was a legacy one.</summary>
    public bool IsLegacyPdu => !IsExtended || (EventType & 0x10) != 0;

    public bool IsScanResponse => IsExtended ? (EventType & 0x08) != 0 : EventType == 0x04;
}
