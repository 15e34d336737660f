namespace Edge.FleetDashboard.Fleet;

/// <summary>What the host did with one Sparkplug message.</summary>
internal enum ApplyOutcome
{
    Applied,

    /// <summary>Not for the board (our own commands echoed by the wildcard subscription) or a stale death.</summary>
    Ignored,

    /// <summary>Bad input: counted and logged with the reason, never applied.</summary>
    Refused,

    /// <summary>Applied as far as possible, and the node must be asked for a rebirth (seq gap, data before birth).</summary>
    RebirthNeeded,
}
