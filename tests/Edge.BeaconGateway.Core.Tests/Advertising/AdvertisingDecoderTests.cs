using Edge.BeaconGateway.Advertising;
using Edge.BeaconGateway.Hci;
using Xunit;

namespace Edge.BeaconGateway.Tests.Advertising;

public sealed class AdvertisingDecoderTests
{
    [Fact]
    public void AdStructureReader_PaddingAfterStructures_StopsWithoutMalformed()
    {
        var reader = new AdStructureReader([0x02, 0x01, 0x06, 0x00, 0x00, 0x00]);

        Assert.True(reader.TryRead(out var type, out var value));
        Assert.Equal(AdType.Flags, type);
        Assert.Equal([0x06], value.ToArray());
        Assert.False(reader.TryRead(out _, out _));
        Assert.False(reader.IsMalformed);
    }

    [Fact]
    public void AdStructureReader_LengthPastEnd_StopsAndFlagsMalformed()
    {
        // Seen in the real Android capture: "0c002beeddcc" claims 12 bytes and holds 5.
        var reader = new AdStructureReader([0x02, 0x01, 0x06, 0x0C, 0x00, 0x2B, 0xEE]);

        Assert.True(reader.TryRead(out _, out _));
        Assert.False(reader.TryRead(out _, out _));
        Assert.True(reader.IsMalformed);
        Assert.False(AdvertisingData.IsWellFormed([0x0C, 0x00, 0x2B]));
    }

    [Fact]
    public void AdvertisingData_FlagsTxPowerManufacturerServiceData_AreFound()
    {
        byte[] data = [0x02, 0x01, 0x1A, 0x02, 0x0A, 0xF4, 0x05, 0xFF, 0x59, 0x00, 0xAB, 0xCD, 0x04, 0x16, 0xF6, 0xFF, 0x42];

        Assert.True(AdvertisingData.TryGetFlags(data, out var flags));
        Assert.Equal(AdvertisingFlags.LeGeneralDiscoverable | AdvertisingFlags.SimultaneousLeBrEdrController | AdvertisingFlags.SimultaneousLeBrEdrHost, flags);
        Assert.True(AdvertisingData.TryGetTxPowerLevel(data, out var tx));
        Assert.Equal(-12, tx);
        Assert.True(AdvertisingData.TryGetManufacturerData(data, out var company, out var payload));
        Assert.Equal(0x0059, company);
        Assert.Equal([0xAB, 0xCD], payload.ToArray());
        Assert.True(AdvertisingData.TryGetServiceData16(data, 0xFFF6, out var service));
        Assert.Equal([0x42], service.ToArray());
        Assert.False(AdvertisingData.TryGetServiceData16(data, 0xFEAA, out _));
    }

    [Fact]
    public void IBeaconFrame_WrongCompanyOrType_IsRejected()
    {
        byte[] notApple = [0x1A, 0xFF, 0x4D, 0x00, 0x02, 0x15, .. new byte[21]];
        byte[] shortFrame = [0x05, 0xFF, 0x4C, 0x00, 0x02, 0x15];

        Assert.False(IBeaconFrame.TryParse(notApple, out _));
        Assert.False(IBeaconFrame.TryParse(shortFrame, out _));
    }

    [Fact]
    public void AltBeaconFrame_SpecExample_Decodes()
    {
        // AltBeacon specification example: company 0x0118 (Radius Networks), beacon code BEAC, 20-byte ID.
        byte[] data = [0x1B, 0xFF, 0x18, 0x01, 0xBE, 0xAC,
            0x2F, 0x23, 0x44, 0x54, 0xCF, 0x6D, 0x4A, 0x0F, 0xAD, 0xF2, 0xF4, 0x91, 0x1B, 0xA9, 0xFF, 0xA6,
            0x00, 0x01, 0x00, 0x02, 0xC5, 0x00];

        Assert.True(AltBeaconFrame.TryParse(data, out var frame));
        Assert.Equal(0x0118, frame.CompanyId);
        Assert.Equal("2F234454-CF6D-4A0F-ADF2-F4911BA9FFA6", frame.IdUuid.ToString());
        Assert.Equal((1, 2, -59), (frame.IdMajor, frame.IdMinor, (int)frame.ReferenceRssi));
    }

    [Fact]
    public void EddystoneUid_Decodes()
    {
        byte[] data = [0x03, 0x03, 0xAA, 0xFE, 0x17, 0x16, 0xAA, 0xFE, 0x00, 0xEE,
            0xED, 0xD1, 0xEB, 0xEA, 0xC0, 0x4E, 0x5D, 0xEF, 0xA0, 0x17, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x00, 0x00];

        Assert.True(Eddystone.TryGetFrame(data, out var type, out var frame));
        Assert.Equal(Eddystone.FrameUid, type);
        Assert.True(EddystoneUid.TryParse(frame, out var uid));
        Assert.Equal(-18, uid.TxPowerAt0m);
        Assert.Equal("edd1ebeac04e5defa017/010203040506", uid.Id);
    }

    [Fact]
    public void EddystoneUrl_ExpandsSchemeAndSuffix()
    {
        byte[] frame = [0x10, 0xEB, 0x03, (byte)'g', (byte)'o', (byte)'o', (byte)'.', (byte)'g', (byte)'l', 0x00, (byte)'x'];

        Assert.True(EddystoneUrl.TryParse(frame, out var url));
        Assert.Equal("https://goo.gl.com/x", url!.Url);
        Assert.False(EddystoneUrl.TryParse([0x10, 0xEB, 0x09], out _)); // unknown scheme
        Assert.False(EddystoneUrl.TryParse([0x10, 0xEB, 0x00, 0x15], out _)); // reserved byte
    }

    [Fact]
    public void EddystoneTlm_DecodesBatteryTemperatureCounters()
    {
        byte[] frame = [0x20, 0x00, 0x0B, 0xB8, 0x17, 0x80, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x64];

        Assert.True(EddystoneTlm.TryParse(frame, out var tlm));
        Assert.Equal(3000, tlm.BatteryMillivolts);
        Assert.Equal(23.5, tlm.TemperatureCelsius);
        Assert.Equal(256u, tlm.AdvertisementCount);
        Assert.Equal(100u, tlm.UptimeTenthsOfSecond);

        frame[4] = 0x80;
        frame[5] = 0x00;
        Assert.True(EddystoneTlm.TryParse(frame, out tlm));
        Assert.Null(tlm.TemperatureCelsius); // 0x8000 = not supported
        Assert.False(EddystoneTlm.TryParse(frame[..13], out _)); // truncated
    }

    [Fact]
    public void EddystoneEid_Decodes()
    {
        Assert.True(EddystoneEid.TryParse([0x30, 0xF0, 1, 2, 3, 4, 5, 6, 7, 8], out var eid));
        Assert.Equal(0x0102030405060708UL, eid.EphemeralId);
        Assert.Equal(-16, eid.TxPowerAt0m);
        Assert.False(EddystoneEid.TryParse([0x30, 0xF0, 1], out _));
    }

    [Theory]
    [InlineData(0xC00000000001UL, RandomAddressKind.Static)]
    [InlineData(0x400000000001UL, RandomAddressKind.ResolvablePrivate)]
    [InlineData(0x000000000001UL, RandomAddressKind.NonResolvablePrivate)]
    public void BleAddress_RandomKind_FromTopBits(ulong value, RandomAddressKind expected)
    {
        Assert.Equal(expected, new BleAddress(value, AddressType.Random).RandomKind);
        Assert.Null(new BleAddress(value, AddressType.Public).RandomKind);
    }

    [Fact]
    public void BleAddress_ParseAndFormat_RoundTrip()
    {
        var address = BleAddress.Parse("AA:BB:CC:DD:EE:0F", AddressType.Public);
        Span<byte> wire = stackalloc byte[6];
        address.Write(wire);

        Assert.Equal("AA:BB:CC:DD:EE:0F", address.ToString());
        Assert.Equal([0x0F, 0xEE, 0xDD, 0xCC, 0xBB, 0xAA], wire.ToArray());
        Assert.Equal(address, BleAddress.Read(wire, AddressType.Public));
    }
}
