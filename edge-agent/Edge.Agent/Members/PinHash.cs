using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Edge.Agent.Members;

/// <summary>
/// Login PINs as the cloud sends them: "pbkdf2-sha256${iterations}${salt base64}${hash base64}". Only the hash
/// reaches the hub; verification is constant-time.
/// </summary>
internal static class PinHash
{
    private const string Scheme = "pbkdf2-sha256";

    public static string Create(string pin, int iterations, byte[]? salt = null)
    {
        salt ??= RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), salt, iterations, HashAlgorithmName.SHA256, 32);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Null when <paramref name="encoded"/> is well formed and slow enough; otherwise why not.</summary>
    public static string? Validate(string encoded, int minIterations)
    {
        var parts = encoded.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme)
        {
            return $"PIN hash is not '{Scheme}$iterations$salt$hash'";
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < minIterations)
        {
            return $"PIN hash has {parts[1]} iterations; at least {minIterations} are required";
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var hash = Convert.FromBase64String(parts[3]);
            return salt.Length < 8 || hash.Length < 16 ? "PIN hash salt or hash is too short" : null;
        }
        catch (FormatException)
        {
            return "PIN hash salt or hash is not base64";
        }
    }

    public static bool Verify(string encoded, string pin)
    {
        var parts = encoded.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), Convert.FromBase64String(parts[2]), iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
