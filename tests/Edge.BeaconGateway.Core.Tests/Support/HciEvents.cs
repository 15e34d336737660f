using Edge.BeaconGateway.Hci;

namespace Edge.BeaconGateway.Tests.Support;

/// <summary>Builds HCI events byte by byte, the way a controller lays them out, for tests.</summary>
internal static class HciEvents
{
    public static byte[] Legacy(byte eventType, byte addressType, ulong address, byte[] data, sbyte rssi)
    {
        var body = new List<byte> { HciConstants.SubeventAdvertisingReport, 1, eventType, addressType };
        body.AddRange(AddressBytes(address));
        body.Add((byte)data.Length);
        body.AddRange(data);
        body.Add((byte)rssi);
        return Wrap(body);
    }

    public static byte[] Extended(params ExtendedReport[] reports)
    {
        var body = new List<byte> { HciConstants.SubeventExtendedAdvertisingReport, (byte)reports.Length };
        foreach (var r in reports)
        {
            var eventType = (ushort)(r.EventType | (r.DataStatus << 5));
            body.Add((byte)eventType);
            body.Add((byte)(eventType >> 8));
            body.Add(r.AddressType);
            body.AddRange(AddressBytes(r.Address));
            body.Add(1); // primary PHY 1M
            body.Add(0); // secondary PHY none
            body.Add(r.Sid);
            body.Add((byte)r.TxPower);
            body.Add((byte)r.Rssi);
            body.Add(0);
            body.Add(0); // periodic interval
            body.Add(0); // direct address type
            body.AddRange(new byte[6]);
            body.Add((byte)r.Data.Length);
            body.AddRange(r.Data);
        }

        return Wrap(body);
    }

    public static byte[] Wrap(List<byte> parameters)
    {
        var evt = new List<byte> { HciConstants.EventLeMeta, (byte)parameters.Count };
        evt.AddRange(parameters);
        return [.. evt];
    }

    public static byte[] AddressBytes(ulong address)
    {
        var bytes = new byte[6];
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(address >> (8 * i));
        }

        return bytes;
    }

    public static byte[] IBeaconAdvert(string uuid, ushort major, ushort minor, sbyte power)
    {
        var data = new List<byte> { 0x02, 0x01, 0x06, 0x1A, 0xFF, 0x4C, 0x00, 0x02, 0x15 };
        data.AddRange(Guid.Parse(uuid).ToByteArray(bigEndian: true));
        data.Add((byte)(major >> 8));
        data.Add((byte)major);
        data.Add((byte)(minor >> 8));
        data.Add((byte)minor);
        data.Add((byte)power);
        return [.. data];
    }
}

internal sealed record ExtendedReport(
    ulong Address, byte[] Data, sbyte Rssi = -60, byte DataStatus = 0, byte Sid = 1, byte AddressType = 1,
    ushort EventType = 0x0000, sbyte TxPower = 127);
