namespace Edge.BeaconGateway.Hci;

/// <summary>
/// Receives the reports an HCI event carries. Implemented by structs or sealed classes and passed as a generic
/// argument, so the call is devirtualised and the report (a ref struct) is never boxed.
/// </summary>
public interface IAdvertisingReportHandler
{
    void OnAdvertisingReport(in AdvertisingReport report);
}
