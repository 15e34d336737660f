namespace Edge.BeaconGateway.Members;

/// <summary>A rotating ID that resolved: which member, and whether it was the previous (-1), current (0) or next (+1) window's.</summary>
public readonly record struct MemberMatch(int MemberIndex, int WindowOffset);
