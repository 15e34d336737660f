namespace Edge.Contracts.Agent;

/// <summary>
/// Login with the pairing token the member's app shows as a QR code: "{memberId}.{window}.{code}", where code is
/// the first 16 hex digits of HMAC-SHA256(K_member, "qr|{window}") and window the 10-minute window number, so the
/// hub verifies it offline with the member's rotating-ID key. Valid for the current and the previous window.
/// </summary>
public sealed record QrLoginRequest(string KioskId, string PairingToken);
