namespace Edge.Contracts.Agent;

/// <summary>A punch card: <see cref="Stamps"/> of <see cref="StampsRequired"/>; <see cref="Completed"/> counts cards filled (reward earned).</summary>
public sealed record PunchCardView(string CardId, string Name, int Stamps, int StampsRequired, int Completed, string Reward);
