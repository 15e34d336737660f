namespace Edge.Kiosk.Proximity;

/// <summary>
/// The member's app confirmed the pairing QR shown on this kiosk: the QR's nonce and the app's pairing token
/// (Edge.Contracts.Agent.QrLoginRequest format), relayed on store/kiosk/{kioskId}/pairing.
/// </summary>
internal sealed record KioskPairingConfirmation(string Nonce, string PairingToken);
