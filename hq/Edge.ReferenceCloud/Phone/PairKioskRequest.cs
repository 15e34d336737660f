namespace Edge.ReferenceCloud.Phone;

/// <summary>The member's app scanned a kiosk's pairing QR: the kiosk and the QR's one-time nonce.</summary>
internal sealed record PairKioskRequest(string KioskId, string Nonce);
