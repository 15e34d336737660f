namespace Edge.Kiosk.Sessions;

/// <summary>An open pairing QR: its nonce, the kiosk session that shows it, and when it stops working.</summary>
internal sealed record Pairing(string Nonce, string KioskSessionId, DateTimeOffset ExpiresAt);
