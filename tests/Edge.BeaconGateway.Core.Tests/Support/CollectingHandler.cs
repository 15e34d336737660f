using Edge.BeaconGateway.Hci;

namespace Edge.BeaconGateway.Tests.Support;

/// <summary>Copies every report it is handed, so tests can assert on them after the parser returns.</summary>
internal sealed class CollectingHandler : IAdvertisingReportHandler
{
    public List<CapturedReport> Reports { get; } = [];

    public void OnAdvertisingReport(in AdvertisingReport report) => Reports.Add(new CapturedReport(
        report.EventType, report.IsExtended, report.Address, report.Rssi, report.TxPower, report.AdvertisingSid,
        report.Data.ToArray()));
}

internal sealed record CapturedReport(
    ushort EventType, bool IsExtended, BleAddress Address, sbyte Rssi, sbyte TxPower, byte Sid, byte[] Data);

/// <summary>Counts reports without copying, for allocation and throughput tests.</summary>
internal struct CountingHandler : IAdvertisingReportHandler
{
    public int Count;
    public long RssiSum;

    public void OnAdvertisingReport(in AdvertisingReport report)
    {
        Count++;
        RssiSum += report.Rssi;
    }
}
