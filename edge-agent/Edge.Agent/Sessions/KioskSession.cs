namespace Edge.Agent.Sessions;

/// <summary>A live kiosk session of one member (table kiosk_sessions).</summary>
internal sealed record KioskSession(string SessionId, string MemberId, string KioskId, string Method, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset LastSeenAt);
