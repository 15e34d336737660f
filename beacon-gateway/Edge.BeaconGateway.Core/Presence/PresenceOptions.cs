using System.ComponentModel.DataAnnotations;

namespace Edge.BeaconGateway.Presence;

/// <summary>
/// Filter, distance and zone hysteresis parameters (configuration section BeaconGateway:Presence). The defaults
/// were chosen on the UCI iBeacon data set (docs/zone-accuracy.md).
/// </summary>
public sealed class PresenceOptions
{
    public const string Section = "BeaconGateway:Presence";

    /// <summary>Kalman process noise, dB² per second: how fast the true RSSI may wander as a shopper walks.</summary>
    [Range(0.0001, 1000)]
    public double ProcessNoisePerSecond { get; set; } = 16.0;

    /// <summary>Kalman measurement noise, dB²: the variance of one RSSI reading (phones: about 4-6 dB standard deviation).</summary>
    [Range(0.01, 10000)]
    public double MeasurementNoise { get; set; } = 25.0;

    /// <summary>Log-distance path-loss exponent n: 2 in free space, 2.5-4 indoors among shelves and people.</summary>
    [Range(1.0, 6.0)]
    public double PathLossExponent { get; set; } = 2.5;

    /// <summary>Calibrated power at 1 m when an advert does not carry one, dBm.</summary>
    [Range(-100, 0)]
    public int DefaultTxPowerAt1m { get; set; } = -59;

    /// <summary>A challenger zone must beat the current zone by this many dB ...</summary>
    [Range(0.0, 40.0)]
    public double ZoneSwitchMarginDb { get; set; } = 3.0;

    /// <summary>... continuously for this long before the member is moved.</summary>
    public TimeSpan ZoneSwitchMinTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A Dwelled event is sent once a member has stayed in one zone this long.</summary>
    public TimeSpan DwellTime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A Left event is sent when a member has not been heard by any receiver for this long.</summary>
    public TimeSpan LeaveAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A receiver's filtered RSSI no longer counts for a zone when it has not heard the member for this long.</summary>
    public TimeSpan ReceiverStaleAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often dwell and leave are checked.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);
}
