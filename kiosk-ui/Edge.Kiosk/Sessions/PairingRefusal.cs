namespace Edge.Kiosk.Sessions;

internal enum PairingRefusal
{
    None,
    Unknown,
    Expired,
}
