using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Edge.Contracts.Provisioning;
using Edge.ReferenceCloud.Diagnostics;
using Edge.ReferenceCloud.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.ReferenceCloud.Claims;

/// <summary>
/// Answers <see cref="ClaimRequest"/>s: the code must be one HQ expects for that store and not expired (or already
/// used by this same hub: a retried claim gets a fresh certificate); the CSR's subject must name the store (OU) and
/// the hub (CN) the request says. Anything else is answered with a reason, never with silence.
/// </summary>
internal sealed class ClaimHandler(ClaimBook book, FleetCa ca, IOptions<ReferenceCloudOptions> options, TimeProvider time, ILogger<ClaimHandler> logger)
{
    public long Accepted { get; private set; }

    public long Refused { get; private set; }

    public ClaimResponse Answer(ReadOnlySpan<byte> payload)
    {
        ClaimRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(payload, ClaimJsonContext.Default.ClaimRequest);
        }
        catch (JsonException ex)
        {
            return Refuse("the request is not a claim request: " + ex.Message);
        }

        if (request is null || string.IsNullOrEmpty(request.StoreId) || string.IsNullOrEmpty(request.HubId) || string.IsNullOrEmpty(request.CsrPem))
        {
            return Refuse("the request lacks the store id, hub id or CSR");
        }

        switch (book.Check(request.StoreId, request.HubId, request.ClaimCode))
        {
            case ClaimCheck.Unknown:
                return Refuse($"store {request.StoreId} expects no such claim code");
            case ClaimCheck.Expired:
                Refused++;
                return new ClaimResponse(ClaimStatus.Expired, "the claim code has expired: run `edge-provision init` for a new one and enter it at HQ", null, null, null);
            case ClaimCheck.UsedByAnotherHub:
                return Refuse("the claim code was already used by another hub");
        }

        CertificateRequest csr;
        try
        {
            csr = CertificateRequest.LoadSigningRequestPem(request.CsrPem, HashAlgorithmName.SHA256);
        }
        catch (CryptographicException ex)
        {
            return Refuse("the CSR cannot be read: " + ex.Message);
        }

        var (store, hub) = StoreAndHub(csr.SubjectName);
        if (store != request.StoreId || hub != request.HubId)
        {
            return Refuse($"the CSR names store '{store}' hub '{hub}', the request store '{request.StoreId}' hub '{request.HubId}'");
        }

        using var certificate = ca.Sign(csr, options.Value.CertificateLifetime, time);
        var pem = certificate.ExportCertificatePem();
        book.Record(request.StoreId, request.HubId, request.ClaimCode, pem);
        Accepted++;
        CloudLog.HubClaimed(logger, request.StoreId, request.HubId);
        return new ClaimResponse(
            ClaimStatus.Accepted,
            null,
            pem,
            ca.Certificate.ExportCertificatePem(),
            new StoreCloudConfiguration(request.StoreId, options.Value.Region, options.Value.HubBroker));
    }

    private static (string? Store, string? Hub) StoreAndHub(X500DistinguishedName name)
    {
        string? store = null;
        string? hub = null;
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames())
        {
            switch (rdn.GetSingleElementType().Value)
            {
                case "2.5.4.11": store = rdn.GetSingleElementValue(); break; // OU
                case "2.5.4.3": hub = rdn.GetSingleElementValue(); break; // CN
            }
        }

        return (store, hub);
    }

    private ClaimResponse Refuse(string reason)
    {
        Refused++;
        CloudLog.ClaimRefused(logger, reason);
        return new ClaimResponse(ClaimStatus.Rejected, reason, null, null, null);
    }
}
