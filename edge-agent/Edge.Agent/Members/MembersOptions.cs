using System.ComponentModel.DataAnnotations;
using Edge.Hosting.Options;

namespace Edge.Agent.Members;

/// <summary>Section <c>EdgeAgent:Members</c>: the member cache, its keys at rest and the key table for beacon-gateway.</summary>
internal sealed class MembersOptions
{
    public const string Section = "EdgeAgent:Members";

    /// <summary>32-byte hub key file (AES-256-GCM) that encrypts members' rotating-ID keys in SQLite. Created (mode 0600) when missing.</summary>
    [Required]
    public string HubKeyFile { get; set; } = "/var/lib/store-edge/edge-agent/hub.key";

    /// <summary>The EMK1 key table beacon-gateway reads (its BeaconGateway:Members:KeyFile). Rewritten after every key change.</summary>
    [Required]
    public string BeaconKeyFile { get; set; } = "/var/lib/store-edge/edge-agent/member-keys.emk";

    /// <summary>32-byte key-encryption key of <see cref="BeaconKeyFile"/> (beacon-gateway's KeyEncryptionKeyFile); created when missing.</summary>
    [Required]
    public string BeaconKeyEncryptionKeyFile { get; set; } = "/var/lib/store-edge/edge-agent/member-keys.kek";

    /// <summary>Deltas held back while an earlier sequence number is missing. Beyond it: dropped, counted (cloud-sync re-sends).</summary>
    [Range(1, 1_000_000)]
    public int MaxPendingDeltas { get; set; } = 10_000;

    /// <summary>PIN hashes with fewer PBKDF2 iterations are refused (not slow enough to resist guessing a 4-6 digit PIN).</summary>
    [Range(1_000, 10_000_000)]
    public int MinPinIterations { get; set; } = 100_000;

    /// <summary>Raw presence events are erased after this (privacy: at most 24 h on the hub).</summary>
    [TimeSpanRange("00:01:00", "1.00:00:00")]
    public TimeSpan PresenceRetention { get; set; } = TimeSpan.FromHours(24);
}
