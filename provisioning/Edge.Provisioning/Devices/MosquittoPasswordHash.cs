using System.Security.Cryptography;
using System.Text;

namespace Edge.Provisioning.Devices;

/// <summary>
/// mosquitto's password hashes, byte for byte what mosquitto_passwd 2.0 writes, so the broker verifies them:
/// <c>$7$&lt;iterations&gt;$&lt;base64 salt&gt;$&lt;base64 hash&gt;</c> with PBKDF2-HMAC-SHA512, 101 iterations, a 12-byte
/// salt and a 64-byte output (mosquitto src/password_mosq.c: SALT_LEN 12, PW_DEFAULT_ITERATIONS 101).
/// Verification also accepts the older <c>$6$</c> form (one SHA-512 over password then salt) that 1.6 wrote.
/// </summary>
internal static class MosquittoPasswordHash
{
    public const int Iterations = 101;
    public const int SaltLength = 12;
    public const int HashLength = 64;

    public static string Create(string password) => Create(password, RandomNumberGenerator.GetBytes(SaltLength), Iterations);

    public static string Create(string password, byte[] salt, int iterations)
    {
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, HashLength);
        return $"$7${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string encoded)
    {
        var parts = encoded.Split('$');
        try
        {
            if (parts is ["", "7", var iterationsText, var saltText, var hashText]
                && int.TryParse(iterationsText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var iterations)
                && iterations > 0)
            {
                var expected = Convert.FromBase64String(hashText);
                var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(saltText), iterations, HashAlgorithmName.SHA512, expected.Length);
                return CryptographicOperations.FixedTimeEquals(expected, actual);
            }

            if (parts is ["", "6", var salt6, var hash6])
            {
                var salt = Convert.FromBase64String(salt6);
                var input = Encoding.UTF8.GetBytes(password).Concat(salt).ToArray();
                return CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(hash6), SHA512.HashData(input));
            }
        }
        catch (FormatException)
        {
            return false;
        }

        return false;
    }

    /// <summary>A device password: 24 random bytes, base64url (32 characters, no ':' that would break the password file).</summary>
    public static string NewPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
