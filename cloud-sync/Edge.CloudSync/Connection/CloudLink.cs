using System.Security.Cryptography.X509Certificates;

namespace Edge.CloudSync.Connection;

/// <summary>
/// Everything needed to reach the cloud as this hub, resolved once at start from cloud.json and configuration.
/// <see cref="Server"/> empty means offline: events stay in the outbox.
/// </summary>
internal sealed record CloudLink(
    string StoreId,
    string HubId,
    string Region,
    string? Server,
    string? CaFile,
    string? ClientCertificateFile,
    string? ClientKeyFile,
    string? OfflineReason)
{
    public bool IsOnline => !string.IsNullOrEmpty(Server);

    /// <summary>NotAfter of the hub's client certificate (Sparkplug metric and health), null when unreadable.</summary>
    public DateTimeOffset? CertificateNotAfter()
    {
        if (ClientCertificateFile is null || !File.Exists(ClientCertificateFile))
        {
            return null;
        }

        try
        {
            using var cert = X509Certificate2.CreateFromPem(File.ReadAllText(ClientCertificateFile));
            return new DateTimeOffset(cert.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
