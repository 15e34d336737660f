using System.ComponentModel.DataAnnotations;

namespace Edge.BeaconGateway.Hosting;

/// <summary>Section <c>BeaconGateway</c>: where advertising reports come from.</summary>
internal sealed class BeaconGatewayOptions
{
    public const string Section = "BeaconGateway";

    /// <summary>hci (the hub's own radio), btsnoop (replay a capture), remote (ESPresense receivers) or simulator.</summary>
    [Required]
    [RegularExpression("^(hci|btsnoop|remote|simulator)$", ErrorMessage = "must be one of hci, btsnoop, remote, simulator")]
    public string Source { get; set; } = "simulator";
}
