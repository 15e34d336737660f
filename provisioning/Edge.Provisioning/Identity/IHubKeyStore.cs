using System.Security.Cryptography;

namespace Edge.Provisioning.Identity;

/// <summary>
/// Where the hub's ECDSA P-256 private key lives. Today a 0600 PEM file; the TPM step implements this same
/// interface (key created and kept inside the TPM, only a handle on disk) without touching the commands.
/// </summary>
internal interface IHubKeyStore
{
    /// <summary>What to print about the key's location (a path, or a TPM handle).</summary>
    string Location { get; }

    bool Exists { get; }

    /// <summary>Creates and persists a new key, replacing any previous one. Returns the ownership note (null when owned by the service user).</summary>
    ECDsa Create(string serviceUser, out string? ownershipNote);

    ECDsa Load();
}
