using System.Security.Cryptography;

namespace Edge.ReferenceCloud.Downstream;

/// <summary>The ECDSA P-256 key that signs down messages (PKCS#8 PEM, 0600), created on first start.</summary>
internal sealed class DownSigningKey : IDisposable
{
    private DownSigningKey(ECDsa key) => Key = key;

    public ECDsa Key { get; }

    /// <summary>SubjectPublicKeyInfo PEM: what hubs are configured to trust.</summary>
    public string PublicKeyPem => Key.ExportSubjectPublicKeyInfoPem();

    public static DownSigningKey LoadOrCreate(string path)
    {
        var key = ECDsa.Create();
        if (File.Exists(path))
        {
            key.ImportFromPem(File.ReadAllText(path));
            return new DownSigningKey(key);
        }

        key.GenerateKey(ECCurve.NamedCurves.nistP256);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        using var writer = new StreamWriter(stream);
        writer.Write(key.ExportPkcs8PrivateKeyPem());
        return new DownSigningKey(key);
    }

    public void Dispose() => Key.Dispose();
}
