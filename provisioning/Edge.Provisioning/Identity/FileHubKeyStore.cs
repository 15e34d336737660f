using System.Security.Cryptography;
using System.Text;
using Edge.Provisioning.IO;
using Edge.Provisioning.Platform;

namespace Edge.Provisioning.Identity;

/// <summary>The key as PKCS#8 PEM, mode 0600, given to the service user (cloud-sync reads it) when we are root.</summary>
internal sealed class FileHubKeyStore(string path, IFileOwnership? ownership = null) : IHubKeyStore
{
    private readonly IFileOwnership _ownership = ownership ?? new UnixFileOwnership();

    public string Location => path;

    public bool Exists => File.Exists(path);

    public ECDsa Create(string serviceUser, out string? ownershipNote)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        try
        {
            var pem = key.ExportPkcs8PrivateKeyPem();
            var temp = AtomicFile.Prepare(path, Encoding.ASCII.GetBytes(pem), AtomicFile.OwnerOnly);
            // Owner changes before the rename, so the key is never visible under the wrong owner.
            ownershipNote = _ownership.TryGiveTo(temp, serviceUser);
            AtomicFile.Commit(temp, path);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public ECDsa Load()
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            return key;
        }
        catch (ArgumentException ex)
        {
            key.Dispose();
            throw new CliException($"{path} does not hold a PEM private key: {ex.Message}", ExitCodes.DataError);
        }
    }
}
