namespace Edge.Contracts.Agent;

/// <summary>
/// Outbox stream <see cref="OutboxStreams.KioskSessions"/>, message id "kiosk-session:{random}": a member logged in at a
/// kiosk. For HQ's count of kiosk sessions by kiosk and login method; no member id (the kiosk's use is the figure, not
/// who used it) and never the session id, which is the session's bearer secret.
/// </summary>
public sealed record KioskSessionEvent(string KioskId, string Method, DateTimeOffset StartedAt);
