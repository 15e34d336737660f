namespace Edge.Contracts.Agent;

/// <summary>Daily check-in: <see cref="Awarded"/> false when the member already checked in on <see cref="Day"/> (store local day).</summary>
public sealed record CheckInResponse(bool Awarded, int Points, DateOnly Day);
