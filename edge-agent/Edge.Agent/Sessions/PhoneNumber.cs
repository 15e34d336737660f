using System.Security.Cryptography;
using System.Text;

namespace Edge.Agent.Sessions;

/// <summary>
/// Phone numbers as member lookup keys: E.164 after dropping spaces, dashes, dots and brackets, hashed exactly as the
/// cloud does at enrolment (lowercase hex SHA-256 of the E.164 string; hq/Edge.ReferenceCloud/Members/MemberRegistry).
/// </summary>
internal static class PhoneNumber
{
    /// <summary>"+4712345678" from "+47 123-45 678"; null when it is not E.164 (+, then 7-15 digits, no leading 0).</summary>
    public static string? Normalise(string? raw)
    {
        if (raw is null || raw.Length > 32)
        {
            return null;
        }

        var b = new StringBuilder(raw.Length);
        foreach (var ch in raw)
        {
            if (ch is ' ' or '-' or '.' or '(' or ')')
            {
                continue;
            }

            b.Append(ch);
        }

        var e164 = b.ToString();
        return e164.Length is >= 8 and <= 16 && e164[0] == '+' && e164[1] != '0' && e164[1..].All(char.IsAsciiDigit) ? e164 : null;
    }

    public static string Hash(string e164) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(e164)));
}
