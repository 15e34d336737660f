using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Edge.Contracts.Members;

/// <summary>
/// The member app's login token (Edge.Contracts.Agent.QrLoginRequest): "{memberId}.{window}.{code}", code = first 16
/// hex digits of HMAC-SHA256(K_member, "qr|{window}"), window = Unix seconds / 600. The hub checks it offline with the
/// member's rotating-ID key; single use and the kiosk binding are enforced by edge-agent (table qr_tokens_used). The
/// member's app (played by the reference cloud) creates it with the same key.
/// </summary>
public static class QrPairingToken
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    public static long WindowOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / (long)Window.TotalSeconds;

    /// <summary>Splits the token; false when it is not "{memberId}.{window}.{16 hex}".</summary>
    public static bool TryParse(string? token, out string memberId, out long window, out string code)
    {
        memberId = code = string.Empty;
        window = 0;
        if (token is null || token.Length > 256)
        {
            return false;
        }

        var last = token.LastIndexOf('.');
        var middle = last > 0 ? token.LastIndexOf('.', last - 1) : -1;
        if (middle <= 0)
        {
            return false;
        }

        memberId = token[..middle];
        code = token[(last + 1)..];
        return long.TryParse(token.AsSpan(middle + 1, last - middle - 1), NumberStyles.None, CultureInfo.InvariantCulture, out window)
            && code.Length == 16 && code.All(char.IsAsciiHexDigitLower);
    }

    public static string Code(byte[] memberKey, long window)
    {
        var mac = HMACSHA256.HashData(memberKey, Encoding.UTF8.GetBytes("qr|" + window.ToString(CultureInfo.InvariantCulture)));
        return Convert.ToHexStringLower(mac)[..16];
    }

    public static string Create(string memberId, byte[] memberKey, long window) =>
        memberId + "." + window.ToString(CultureInfo.InvariantCulture) + "." + Code(memberKey, window);

    public static bool CodeMatches(byte[] memberKey, long window, string code) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(memberKey, window)), Encoding.ASCII.GetBytes(code));
}
