using System.Security.Cryptography;
using System.Text;
using Edge.Contracts.Agent;

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

    public static IResult Unauthorized() =>
        Results.Json(new ApiError("unauthorized", "missing or wrong bearer token for this caller"), AgentApiJsonContext.Default.ApiError, statusCode: StatusCodes.Status401Unauthorized);
}
