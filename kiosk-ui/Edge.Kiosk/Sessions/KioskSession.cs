using Edge.Contracts.Agent;

namespace Edge.Kiosk.Sessions;

/// <summary>
/// What the kiosk remembers about the person at the screen, keyed by a random cookie. Logout (by tap or idle) drops
/// the whole object, so nothing of one shopper is left for the next.
/// </summary>
internal sealed class KioskSession(string id, string language, DateTimeOffset now)
{
    public string Id { get; } = id;

    public string Language { get; set; } = language;

    public bool HighContrast { get; set; }

    public DateTimeOffset LastActivity { get; set; } = now;

    /// <summary>The agent session of the logged-in member; null while nobody is logged in.</summary>
    public LoginResponse? Login { get; set; }

    /// <summary>The open pairing QR's nonce, if the QR login page is showing.</summary>
    public string? PairingNonce { get; set; }

    /// <summary>Set when a pairing confirmation was refused, so the QR page can say so once.</summary>
    public string? PairingMessageKey { get; set; }

    public bool IsLoggedIn => Login is not null;
}
