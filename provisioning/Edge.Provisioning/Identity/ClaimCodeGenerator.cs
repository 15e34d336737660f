using System.Security.Cryptography;

namespace Edge.Provisioning.Identity;

/// <summary>
/// Claim codes: 12 symbols of Crockford base32 (no I, L, O, U: nothing to misread on a phone screen), 60 bits
/// from the OS CSPRNG, shown as XXXX-XXXX-XXXX. Validity comes from the injected clock.
/// </summary>
internal static class ClaimCodeGenerator
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static readonly TimeSpan DefaultValidity = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxValidity = TimeSpan.FromDays(7);

    public static ClaimCode Issue(string storeId, string hubId, string csrPem, TimeSpan validity, TimeProvider time)
    {
        if (validity <= TimeSpan.Zero || validity > MaxValidity)
        {
            throw new CliException($"claim validity must be between 1 minute and {MaxValidity.TotalDays:0} days", ExitCodes.Usage);
        }

        Span<char> symbols = stackalloc char[12];
        for (var i = 0; i < symbols.Length; i++)
        {
            symbols[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        var code = $"{symbols[..4]}-{symbols[4..8]}-{symbols[8..]}";
        var now = time.GetUtcNow();
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(csrPem)));
        return new ClaimCode(storeId, hubId, code, now, now + validity, fingerprint);
    }

    public static bool IsWellFormed(string code) =>
        code.Length == 14 && code[4] == '-' && code[9] == '-'
        && code.Where((c, i) => i is not (4 or 9)).All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
