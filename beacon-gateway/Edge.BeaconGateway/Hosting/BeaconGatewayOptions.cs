using System.ComponentModel.DataAnnotations;
using Edge.BeaconGateway.Presence;
using Edge.BeaconGateway.Radio;
using Edge.BeaconGateway.Receivers;
using Edge.BeaconGateway.Simulation;
using Edge.BeaconGateway.StoreBeacons;

namespace Edge.BeaconGateway.Hosting;

/// <summary>
/// Section <c>BeaconGateway</c>, whole: the core binds its sub-sections itself, but they are declared here so that
/// the strict binder rejects a misspelt key anywhere under BeaconGateway at start-up, naming it.
/// </summary>
internal sealed class BeaconGatewayOptions
{
    public const string Section = "BeaconGateway";

    /// <summary>hci (the hub's own radio), btsnoop (replay a capture), remote (ESPresense receivers) or simulator.</summary>
    [Required]
    [RegularExpression("^(hci|btsnoop|remote|simulator)$", ErrorMessage = "must be one of hci, btsnoop, remote, simulator")]
    public string Source { get; set; } = "simulator";

    /// <summary>The zones file edge-provision writes; when it exists its receivers replace <see cref="Receivers"/>.</summary>
    public string? ZonesFile { get; set; }

    public ScanOptions Radio { get; set; } = new();

    public List<ReceiverOptions> Receivers { get; set; } = [];

    public List<StoreBeaconOptions> StoreBeacons { get; set; } = [];

    public PresenceOptions Presence { get; set; } = new();

    public MemberOptions Members { get; set; } = new();

    public BtsnoopOptions Btsnoop { get; set; } = new();

    public SimulatorOptions Simulator { get; set; } = new();

    public Motion.MotionOptions Motion { get; set; } = new();
}
