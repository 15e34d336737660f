namespace Edge.Contracts.Cloud;

/// <summary>
/// Body of the down kind <see cref="DownKinds.KioskPairing"/>: the member's app confirmed the one-time QR a kiosk
/// showed. The loyalty cloud relays it to the store (signed, sequenced like every down message); cloud-sync forwards it
/// on <c>store/down/kiosk-pairing</c>, and the kiosk named by <see cref="KioskId"/> logs the member in with the app's
/// <see cref="PairingToken"/> (Edge.Contracts.Agent.QrLoginRequest format) if the <see cref="Nonce"/> is its own,
/// open QR. Other kiosks ignore it.
/// </summary>
public sealed record KioskPairingConfirmation(string KioskId, string Nonce, string PairingToken);
