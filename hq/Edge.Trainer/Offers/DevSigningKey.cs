using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Edge.Trainer.Offers;

/// <summary>
/// The development signing key of the shipped default bundle. Its private scalar is sha256 of <see cref="Seed"/>,
/// a published string: anyone can re-derive it, which is the point (a contributor can rebuild and re-sign the
/// default bundle) and also why a hub must trust this public key only in development (docs/models.md). A real
/// deployment signs with --signing-key and a private key kept off the repository.
/// </summary>
internal static class DevSigningKey
{
    public const string Seed = "store-edge/dev/model-bundle-signing/v1";

    // Order n of the NIST P-256 group (FIPS 186-4 D.1.2.3); a valid private scalar is in [1, n-1].
    private static readonly BigInteger s_order = BigInteger.Parse("115792089210356248762697446949407573529996955924488760432318796466051743465569", System.Globalization.CultureInfo.InvariantCulture);

    public static ECDsa Create()
    {
        var d = SHA256.HashData(Encoding.ASCII.GetBytes(Seed));
        var scalar = new BigInteger(d, isUnsigned: true, isBigEndian: true);
        if (scalar.IsZero || scalar >= s_order)
        {
            throw new InvalidOperationException("The dev seed does not give a valid P-256 scalar; change the seed's version.");
        }

        // With only D given, .NET derives the public point Q itself.
        return ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d });
    }

    /// <summary>Loads a PEM private key (PKCS#8 or SEC1) for real signing.</summary>
    public static ECDsa Load(string pemPath)
    {
        if (!File.Exists(pemPath))
        {
            throw new Data.DataFormatException($"{pemPath}: signing key file is missing.");
        }

        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(pemPath));
        if (key.KeySize != 256)
        {
            throw new Data.DataFormatException($"{pemPath}: the bundle format needs a P-256 key; this one has {key.KeySize} bits.");
        }

        return key;
    }
}
