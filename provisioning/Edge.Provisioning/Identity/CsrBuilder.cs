using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Edge.Provisioning.Identity;

/// <summary>
/// The hub's certificate signing request. Subject CN is the hub id and OU the store id, and the same pair is in
/// a URI SAN (urn:store-edge:store:{store}:hub:{hub}) so the cloud's CA can check it without parsing the DN.
/// Client authentication only: the hub never serves TLS to the cloud.
/// </summary>
internal static class CsrBuilder
{
    public static string Build(ECDsa key, string storeId, string hubId)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddOrganizationName("Store Edge");
        name.AddOrganizationalUnitName(storeId);
        name.AddCommonName(hubId);

        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddUri(SubjectUri(storeId, hubId));
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        return request.CreateSigningRequestPem();
    }

    public static Uri SubjectUri(string storeId, string hubId) => new($"urn:store-edge:store:{storeId}:hub:{hubId}");
}
