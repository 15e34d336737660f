using System.Buffers.Binary;

namespace Edge.BeaconGateway.Hci;

/// <summary>
/// Decodes HCI events (without the H4 packet type byte) into advertising reports. Allocation-free; never throws
/// on bad input: every rejection is counted by reason in <see cref="Counters"/>. Stateful only for extended
/// advertising reassembly, so use one parser per HCI source and call it from one thread at a time.
/// </summary>
public sealed class HciEventParser
{
    // Extended report: Event_Type(2) Address_Type(1) Address(6) Primary_PHY(1) Secondary_PHY(1)
    // Advertising_SID(1) TX_Power(1) RSSI(1) Periodic_Advertising_Interval(2) Direct_Address_Type(1)
    // Direct_Address(6) Data_Length(1), then Data (Vol 4 Part E 7.7.65.13).
    private const int ExtendedReportHeader = 24;

    // Legacy report as controllers and BlueZ lay it out: Event_Type(1) Address_Type(1) Address(6)
    // Data_Length(1) Data(n) RSSI(1) (Vol 4 Part E 7.7.65.2).
    private const int LegacyReportFixed = 10;

    private readonly FragmentReassembler _reassembler = new();

    public HciEventParser(MalformedCounters? counters = null)
    {
        Counters = counters ?? new MalformedCounters();
    }

    public MalformedCounters Counters { get; }

    /// <summary>Extended adverts whose first fragments arrived and whose last has not yet.</summary>
    public int PendingFragments => _reassembler.Pending;

    /// <summary>Parses one event: event code, parameter length, parameters.</summary>
    public HciParseOutcome Parse<THandler>(ReadOnlySpan<byte> hciEvent, ref THandler handler)
        where THandler : IAdvertisingReportHandler, allows ref struct
    {
        if (hciEvent.Length < 2)
        {
            return Reject(MalformedReason.EventTooShort);
        }

        var parameters = hciEvent[2..];
        if (hciEvent[1] != parameters.Length)
        {
            return Reject(MalformedReason.EventLengthMismatch);
        }

        if (hciEvent[0] != HciConstants.EventLeMeta)
        {
            return HciParseOutcome.Ignored;
        }

        if (parameters.Length < 1)
        {
            return Reject(MalformedReason.EventTooShort);
        }

        return parameters[0] switch
        {
            HciConstants.SubeventAdvertisingReport => ParseLegacy(parameters[1..], ref handler),
            HciConstants.SubeventExtendedAdvertisingReport => ParseExtended(parameters[1..], ref handler),
            _ => CountUnknownSubevent(parameters[0]),
        };
    }

    /// <summary>Parses an H4 packet (type byte first); anything but an event is ignored.</summary>
    public HciParseOutcome ParseH4<THandler>(ReadOnlySpan<byte> packet, ref THandler handler)
        where THandler : IAdvertisingReportHandler, allows ref struct
    {
        if (packet.IsEmpty)
        {
            return Reject(MalformedReason.EventTooShort);
        }

        return packet[0] switch
        {
            (byte)HciPacketType.Event => Parse(packet[1..], ref handler),
            (byte)HciPacketType.Command or (byte)HciPacketType.AclData or (byte)HciPacketType.ScoData
                or (byte)HciPacketType.IsoData => HciParseOutcome.Ignored,
            _ => Reject(MalformedReason.UnknownPacketType),
        };
    }

    private HciParseOutcome ParseLegacy<THandler>(ReadOnlySpan<byte> p, ref THandler handler)
        where THandler : IAdvertisingReportHandler, allows ref struct
    {
        if (p.IsEmpty || p[0] == 0 || p[0] * LegacyReportFixed > p.Length - 1)
        {
            return Reject(MalformedReason.BadReportCount);
        }

        int count = p[0];
        var rest = p[1..];
        for (var i = 0; i < count; i++)
        {
            if (rest.Length < LegacyReportFixed - 1)
            {
                return Reject(MalformedReason.ReportTruncated);
            }

            int dataLength = rest[8];
            if (rest.Length < LegacyReportFixed + dataLength)
            {
                return Reject(MalformedReason.ReportTruncated);
            }

            var report = new AdvertisingReport(
                eventType: rest[0],
                isExtended: false,
                address: BleAddress.Read(rest.Slice(2, 6), (AddressType)rest[1]),
                rssi: (sbyte)rest[9 + dataLength],
                txPower: HciConstants.RssiNotAvailable,
                primaryPhy: 1,
                secondaryPhy: 0,
                advertisingSid: 0xFF,
                data: rest.Slice(9, dataLength));
            handler.OnAdvertisingReport(in report);
            rest = rest[(LegacyReportFixed + dataLength)..];
        }

        return rest.IsEmpty ? HciParseOutcome.Advertising : Reject(MalformedReason.TrailingBytes);
    }

    private HciParseOutcome ParseExtended<THandler>(ReadOnlySpan<byte> p, ref THandler handler)
        where THandler : IAdvertisingReportHandler, allows ref struct
    {
        if (p.IsEmpty || p[0] == 0 || p[0] * ExtendedReportHeader > p.Length - 1)
        {
            return Reject(MalformedReason.BadReportCount);
        }

        int count = p[0];
        var rest = p[1..];
        var outcome = HciParseOutcome.Advertising;
        for (var i = 0; i < count; i++)
        {
            if (rest.Length < ExtendedReportHeader)
            {
                return Reject(MalformedReason.ReportTruncated);
            }

            int dataLength = rest[23];
            if (rest.Length < ExtendedReportHeader + dataLength)
            {
                return Reject(MalformedReason.ReportTruncated);
            }

            var eventType = BinaryPrimitives.ReadUInt16LittleEndian(rest);
            var address = BleAddress.Read(rest.Slice(3, 6), (AddressType)rest[2]);
            var sid = rest[11];
            var fragment = rest.Slice(ExtendedReportHeader, dataLength);
            var dataStatus = (eventType >> 5) & 0b11;
            ReadOnlySpan<byte> data;
            switch (dataStatus)
            {
                case 0b00:
                    if (!_reassembler.Complete(address, sid, fragment, Counters, out data))
                    {
                        outcome = HciParseOutcome.Malformed;
                        rest = rest[(ExtendedReportHeader + dataLength)..];
                        continue;
                    }

                    break;
                case 0b01:
                    if (!_reassembler.Append(address, sid, fragment, Counters))
                    {
                        outcome = HciParseOutcome.Malformed;
                    }

                    rest = rest[(ExtendedReportHeader + dataLength)..];
                    continue;
                case 0b10:
                    _reassembler.Abandon(address, sid);
                    Counters.Increment(MalformedReason.FragmentTruncatedByController);
                    outcome = HciParseOutcome.Malformed;
                    rest = rest[(ExtendedReportHeader + dataLength)..];
                    continue;
                default:
                    Counters.Increment(MalformedReason.ReservedDataStatus);
                    outcome = HciParseOutcome.Malformed;
                    rest = rest[(ExtendedReportHeader + dataLength)..];
                    continue;
            }

            var report = new AdvertisingReport(
                eventType: eventType,
                isExtended: true,
                address: address,
                rssi: (sbyte)rest[13],
                txPower: (sbyte)rest[12],
                primaryPhy: rest[9],
                secondaryPhy: rest[10],
                advertisingSid: sid,
                data: data);
            handler.OnAdvertisingReport(in report);
            rest = rest[(ExtendedReportHeader + dataLength)..];
        }

        return !rest.IsEmpty ? Reject(MalformedReason.TrailingBytes) : outcome;
    }

    private HciParseOutcome CountUnknownSubevent(byte subevent)
    {
        _ = subevent;
        Counters.Increment(MalformedReason.UnknownLeSubevent);
        return HciParseOutcome.Ignored;
    }

    private HciParseOutcome Reject(MalformedReason reason)
    {
        Counters.Increment(reason);
        return HciParseOutcome.Malformed;
    }
}
