using System.Text.Json.Serialization;

namespace Edge.Contracts.Provisioning;

public enum ClaimStatus
{
    [JsonStringEnumMemberName("accepted")]
    Accepted,

    /// <summary>Unknown code, wrong store, or a CSR that does not match the hub ids; Reason says which.</summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected,

    /// <summary>The code was valid once but its time is up: issue a new one with init.</summary>
    [JsonStringEnumMemberName("expired")]
    Expired,
}
