using System.Security.Cryptography;
using System.Text;

namespace Edge.Agent.Api;

/// <summary>Checks "Authorization: Bearer {token}" in constant time against one caller's configured token.</summary>
internal static class BearerToken
{
    public static bool Matches(HttpContext context, string? expected)
    {
        if (string.IsNullOrEmpty(expected))
        {
            return false;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[7..].Trim()), Encoding.UTF8.GetBytes(expected));
    }

    /// <summary>The caller whose token the request carries, or null. Every configured token is compared (no early exit), so timing says nothing about which.</summary>
    public static AgentCaller? Identify(HttpContext context, AgentApiOptions options)
    {
        AgentCaller? found = null;
        foreach (var (caller, _, token) in options.Tokens())
        {
            if (Matches(context, token))
            {
                found = caller;
            }
        }

        return found;
    }
}
