using Edge.BeaconGateway.Hci;

namespace Edge.BeaconGateway.Btsnoop;

/// <summary>
/// The support record mode: writes to btsnoop only the adverts it is handed, one report per event. The gateway
/// hands it only adverts that resolved to a member or a store beacon, so a stranger's frame never reaches disk
/// even when it shared an HCI event with a member's.
/// </summary>
public sealed class BtsnoopRecorder : IHciEventSink, IDisposable
{
    private readonly BtsnoopWriter _writer;

    public BtsnoopRecorder(BtsnoopWriter writer)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
    }

    public long RecordsWritten => _writer.RecordsWritten;

    public void Record(in AdvertisingReport report, DateTimeOffset at)
    {
        if (!report.IsExtended && report.Data.Length <= AdvertisingReportEncoder.MaxLegacyData)
        {
            Span<byte> buffer = stackalloc byte[HciConstants.MaxEventLength];
            var length = AdvertisingReportEncoder.EncodeLegacy(buffer, (byte)report.EventType, report.Address, report.Data, report.Rssi);
            _writer.Write(HciPacketType.Event, buffer[..length], received: true, at);
            return;
        }

        AdvertisingReportEncoder.EncodeExtended(this, at, report.EventType, report.Address, report.Rssi, report.TxPower, report.AdvertisingSid, report.Data);
    }

    void IHciEventSink.OnHciEvent(ReadOnlySpan<byte> hciEvent, DateTimeOffset receivedAt) =>
        _writer.Write(HciPacketType.Event, hciEvent, received: true, receivedAt);

    public void Dispose() => _writer.Dispose();
}
