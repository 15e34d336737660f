using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Edge.Kiosk.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Kiosk.Admin;

/// <summary>Staff PIN check for the admin binding; a correct PIN gets a random cookie valid for 15 minutes.</summary>
internal sealed class AdminAuth(IOptions<KioskOptions> options, TimeProvider time)
{
    public const string Cookie = "kiosk-admin";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);

    public string? Login(string? pin)
    {
        var expected = options.Value.StaffPin;
        if (string.IsNullOrEmpty(expected) || pin is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(pin), Encoding.UTF8.GetBytes(expected)))
        {
            return null;
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _tokens[token] = time.GetUtcNow() + Lifetime;
        return token;
    }

    public bool IsStaff(HttpContext context) =>
        context.Request.Cookies[Cookie] is { } token && _tokens.TryGetValue(token, out var until) && time.GetUtcNow() < until;
}
