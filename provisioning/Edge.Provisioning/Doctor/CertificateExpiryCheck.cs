using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Edge.Provisioning.Doctor;

/// <summary>The hub's cloud certificate (from claim): present, valid now, and not expiring within 14 days.</summary>
internal sealed class CertificateExpiryCheck(string certificateFile, TimeProvider time) : IDoctorCheck
{
    private static readonly TimeSpan Soon = TimeSpan.FromDays(14);

    public string Name => "certificate";

    public Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(certificateFile))
        {
            return Task.FromResult(CheckResult.Warn(Name, $"none yet ({certificateFile})", "`edge-provision init`, then `edge-provision claim`"));
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(File.ReadAllText(certificateFile));
        }
        catch (CryptographicException ex)
        {
            return Task.FromResult(CheckResult.Fail(Name, $"{certificateFile} is not a PEM certificate: {ex.Message}", "`edge-provision claim` again"));
        }

        using (certificate)
        {
            var now = time.GetUtcNow();
            var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
            var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
            var detail = $"{certificate.GetNameInfo(X509NameType.SimpleName, false)}, valid until {notAfter.UtcDateTime:yyyy-MM-dd HH:mm} UTC";
            if (now < notBefore)
            {
                return Task.FromResult(CheckResult.Fail(Name, $"{detail}, but not valid before {notBefore.UtcDateTime:yyyy-MM-dd HH:mm} UTC", "the hub's clock is behind: check clock sync"));
            }

            if (now >= notAfter)
            {
                return Task.FromResult(CheckResult.Fail(Name, "expired: " + detail, "`edge-provision init` and `edge-provision claim` to get a new one"));
            }

            return Task.FromResult(notAfter - now < Soon
                ? CheckResult.Warn(Name, $"expires in {(notAfter - now).TotalDays:0} days: {detail}", "cloud-sync renews it when online; check cloud reachability")
                : CheckResult.Ok(Name, detail));
        }
    }
}
