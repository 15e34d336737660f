namespace Edge.BeaconGateway.Simulation;

/// <summary>A simulated store (configuration section BeaconGateway:Simulator), for demos, load tests and end-to-end tests.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "BeaconGateway:Simulator";

    public int Seed { get; set; } = 1;

    /// <summary>
    /// False: the members' keys are generated from the seed and loaded into the gateway. True: the member phones carry
    /// the keys the gateway already holds (from edge-agent or the key file), so the simulated members are the hub's
    /// real enrolled members (the whole-store demo).
    /// </summary>
    public bool MemberKeysFromHub { get; set; }

    /// <summary>Opted-in members' phones walking in the store (their keys are generated from the seed).</summary>
    public int Members { get; set; } = 20;

    /// <summary>Strangers' phones and beacons walking in the store: must never produce any output.</summary>
    public int Strangers { get; set; } = 200;

    /// <summary>Distance between neighbouring zone centres (zones lie in a row, one receiver at each centre).</summary>
    public double ZoneSpacingMeters { get; set; } = 12;

    public double WalkingSpeedMetersPerSecond { get; set; } = 1.0;

    /// <summary>How long a shopper stays in a zone before walking to another one (uniformly up to this).</summary>
    public TimeSpan MaxStay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Standard deviation of RSSI noise (fading, bodies), dB.</summary>
    public double RssiNoiseDb { get; set; } = 4;

    public double PathLossExponent { get; set; } = 2.5;

    public int TxPowerAt1m { get; set; } = -59;

    /// <summary>Weakest RSSI a receiver still decodes, dBm.</summary>
    public int SensitivityDbm { get; set; } = -95;

    /// <summary>Phones advertise every 100 ms to 1 s (foreground to background throttled), chosen per phone.</summary>
    public TimeSpan MinAdvertisingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxAdvertisingInterval { get; set; } = TimeSpan.FromMilliseconds(1000);

    /// <summary>Simulation step; each step emits the adverts that fall due within it.</summary>
    public TimeSpan Step { get; set; } = TimeSpan.FromMilliseconds(100);
}
