namespace Edge.BeaconGateway.Simulation;

/// <summary>One walking phone: where it is, where it goes, when it next advertises.</summary>
internal sealed class SimulatedPhone
{
    public required ulong Address { get; init; }

    /// <summary>The member's key; null for a stranger.</summary>
    public byte[]? MemberKey { get; set; }

    /// <summary>A stranger's fixed payload (random manufacturer data or a foreign iBeacon).</summary>
    public byte[] StrangerPayload { get; init; } = [];

    public required TimeSpan AdvertisingInterval { get; init; }

    public double Position { get; set; }

    public int TargetZone { get; set; }

    public DateTimeOffset StayUntil { get; set; }

    public DateTimeOffset NextAdvert { get; set; }

    public bool IsMember => MemberKey is not null;
}
