namespace Edge.BeaconGateway.Presence;

/// <summary>Log-distance path loss: RSSI(d) = P(1 m) - 10·n·log10(d), so d = 10^((P(1 m) - RSSI) / (10·n)).</summary>
public static class PathLoss
{
    public static double DistanceMeters(double rssi, double txPowerAt1m, double exponent) =>
        Math.Pow(10, (txPowerAt1m - rssi) / (10 * exponent));
}
