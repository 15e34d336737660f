using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Edge.Contracts.Provisioning;
using Edge.ReferenceCloud.Claims;
using Edge.ReferenceCloud.Hosting;
using Edge.ReferenceCloud.Storage;
using Edge.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Edge.ReferenceCloud.Tests;

/// <summary>
/// Claim decisions on a real SQLite file and a fake clock. Bad inputs tried: not JSON, a missing CSR, an unknown code,
/// an expired code, a code used by another hub, a CSR naming another hub, a CSR that is not PEM.
/// </summary>
public sealed class ClaimHandlerTests : IDisposable
{
    private readonly TempDirectory _dir = new("cloud-claims");
    private readonly FakeTimeProvider _time = new();
    private readonly CloudDatabase _database;
    private readonly FleetCa _ca;
    private readonly ClaimBook _book;
    private readonly ClaimHandler _handler;
    private readonly ECDsa _hubKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public ClaimHandlerTests()
    {
        _database = new CloudDatabase(_dir.File("cloud.db"));
        _ca = FleetCa.LoadOrCreate(_dir.Sub("ca"), _time);
        _book = new ClaimBook(_database, _time);
        var options = Options.Create(new ReferenceCloudOptions { Region = "eu-north", HubBroker = "mqtts://cloud.example:8883" });
        _handler = new ClaimHandler(_book, _ca, options, _time, NullLogger<ClaimHandler>.Instance);
    }

    [Fact]
    public void Answer_ExpectedCode_CertificateForTheHubKeyChainedToTheFleetCa()
    {
        _book.Expect("s042", "K7Q2-9XPM", TimeSpan.FromHours(1));

        var response = Answer(Request("s042", "hub-1", "K7Q2-9XPM"));

        Assert.Equal(ClaimStatus.Accepted, response.Status);
        using var certificate = X509Certificate2.CreateFromPem(response.CertificatePem);
        using var publicKey = certificate.GetECDsaPublicKey()!;
        Assert.Equal(_hubKey.ExportSubjectPublicKeyInfo(), publicKey.ExportSubjectPublicKeyInfo());
        using var chain = new X509Chain { ChainPolicy = { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck, VerificationTime = _time.GetUtcNow().UtcDateTime } };
        chain.ChainPolicy.CustomTrustStore.Add(X509Certificate2.CreateFromPem(response.CaCertificatePem));
        Assert.True(chain.Build(certificate), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.Equal(new StoreCloudConfiguration("s042", "eu-north", "mqtts://cloud.example:8883"), response.Configuration);
    }

    [Fact]
    public void Answer_CaCreatedThisMinute_CertificateStartsNoEarlierThanTheCa()
    {
        // The demo makes its fleet CA with openssl right before the first claim: back-dating must stop at the CA.
        using var caDir = new TempDirectory("fresh-ca");
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            var request = new CertificateRequest("CN=Fresh CA", key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            using var ca = request.CreateSelfSigned(_time.GetUtcNow(), _time.GetUtcNow().AddDays(30));
            File.WriteAllText(caDir.File("fleet-ca.crt"), ca.ExportCertificatePem());
            File.WriteAllText(caDir.File("fleet-ca.key"), key.ExportPkcs8PrivateKeyPem());
        }

        using var freshCa = FleetCa.LoadOrCreate(caDir.Path, _time);
        var handler = new ClaimHandler(_book, freshCa, Options.Create(new ReferenceCloudOptions()), _time, NullLogger<ClaimHandler>.Instance);
        _book.Expect("s042", "CODE", TimeSpan.FromHours(1));

        var response = handler.Answer(JsonSerializer.SerializeToUtf8Bytes(Request("s042", "hub-1", "CODE"), ClaimJsonContext.Default.ClaimRequest));

        Assert.Equal(ClaimStatus.Accepted, response.Status);
        using var certificate = X509Certificate2.CreateFromPem(response.CertificatePem);
        Assert.True(certificate.NotBefore >= freshCa.Certificate.NotBefore);
        Assert.True(certificate.NotAfter <= freshCa.Certificate.NotAfter); // and no later than the CA either
    }

    [Fact]
    public void Answer_SameHubClaimsAgain_AcceptedAgain_AnotherHubRefused()
    {
        _book.Expect("s042", "CODE", TimeSpan.FromHours(1));
        Answer(Request("s042", "hub-1", "CODE"));

        Assert.Equal(ClaimStatus.Accepted, Answer(Request("s042", "hub-1", "CODE")).Status);
        var other = Answer(Request("s042", "hub-2", "CODE"));
        Assert.Equal(ClaimStatus.Rejected, other.Status);
        Assert.Contains("another hub", other.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_CodeExpired_ExpiredWithWhatToDo()
    {
        _book.Expect("s042", "CODE", TimeSpan.FromMinutes(30));
        _time.Advance(TimeSpan.FromMinutes(31));

        var response = Answer(Request("s042", "hub-1", "CODE"));

        Assert.Equal(ClaimStatus.Expired, response.Status);
        Assert.Contains("edge-provision init", response.Reason, StringComparison.Ordinal);
        Assert.Null(response.CertificatePem);
    }

    [Theory]
    [InlineData("not json", "not a claim request")]
    [InlineData("""{"storeId":"s042","hubId":"hub-1","claimCode":"CODE","csrPem":"","softwareVersion":"1"}""", "lacks")]
    [InlineData("""{"storeId":"s042","hubId":"hub-1","claimCode":"WRONG","csrPem":"x","softwareVersion":"1"}""", "no such claim code")]
    [InlineData("""{"storeId":"s042","hubId":"hub-1","claimCode":"CODE","csrPem":"-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----","softwareVersion":"1"}""", "CSR cannot be read")]
    public void Answer_BadRequest_RejectedWithReasonAndCounted(string payload, string reason)
    {
        _book.Expect("s042", "CODE", TimeSpan.FromHours(1));

        var response = _handler.Answer(System.Text.Encoding.UTF8.GetBytes(payload));

        Assert.Equal(ClaimStatus.Rejected, response.Status);
        Assert.Contains(reason, response.Reason, StringComparison.Ordinal);
        Assert.Equal(1, _handler.Refused);
    }

    [Fact]
    public void Answer_CsrForAnotherHub_Rejected()
    {
        _book.Expect("s042", "CODE", TimeSpan.FromHours(1));
        var request = Request("s042", "hub-1", "CODE") with { CsrPem = Csr("s042", "hub-9") };

        var response = Answer(request);

        Assert.Equal(ClaimStatus.Rejected, response.Status);
        Assert.Contains("hub-9", response.Reason, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _hubKey.Dispose();
        _ca.Dispose();
        _database.Dispose();
        _dir.Dispose();
    }

    private ClaimRequest Request(string store, string hub, string code) => new(store, hub, code, Csr(store, hub), "test");

    private string Csr(string store, string hub)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddOrganizationName("Store Edge");
        name.AddOrganizationalUnitName(store);
        name.AddCommonName(hub);
        return new CertificateRequest(name.Build(), _hubKey, HashAlgorithmName.SHA256).CreateSigningRequestPem();
    }

    private ClaimResponse Answer(ClaimRequest request) =>
        _handler.Answer(JsonSerializer.SerializeToUtf8Bytes(request, ClaimJsonContext.Default.ClaimRequest));
}
