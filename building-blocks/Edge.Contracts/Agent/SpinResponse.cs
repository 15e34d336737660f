namespace Edge.Contracts.Agent;

/// <summary>Spin-to-win, decided on the hub: the kiosk animates the wheel to stop on <see cref="SegmentIndex"/> of <see cref="Segments"/>.</summary>
public sealed record SpinResponse(string SpinId, int SegmentIndex, IReadOnlyList<SpinSegment> Segments);
