namespace Edge.Contracts.Agent;

/// <summary>A kiosk session for one member; pass <see cref="SessionId"/> in the session routes until <see cref="ExpiresAt"/>.</summary>
public sealed record LoginResponse(string SessionId, DateTimeOffset ExpiresAt, MemberSummary Member);
