namespace Edge.Contracts.Agent;

/// <summary>"Share your visit": <see cref="Awarded"/> false when the member already shared on <see cref="Day"/> (store local day); the points are pending.</summary>
public sealed record ShareVisitResponse(bool Awarded, int Points, DateOnly Day);
