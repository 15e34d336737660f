using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Edge.Provisioning.Identity;
using Edge.Provisioning.Output;
using Edge.Provisioning.Tests.Support;

namespace Edge.Provisioning.Tests.Identity;

public sealed class InitCommandTests : IDisposable
{
    private readonly Hub _hub = new();

    public void Dispose() => _hub.Dispose();

    private string KeyFile => Path.Combine(_hub.ConfigDir, "identity", "hub.key");

    private string CsrFile => Path.Combine(_hub.ConfigDir, "identity", "hub.csr");

    [Fact]
    public async Task Init_NewHub_CreatesP256KeyOwnerOnlyAndGivenToServiceUser()
    {
        var run = await _hub.RunAsync("init", "--store", "s042", "--hub", "s042-hub1");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        using var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(KeyFile));
        Assert.Equal("1.2.840.10045.3.1.7", key.ExportParameters(false).Curve.Oid.Value); // secp256r1 / P-256
        Assert.Equal(InitCommand.DefaultServiceUser, Assert.Single(_hub.Ownership.Given).User);
    }

    [Fact]
    public async Task Init_NewHub_CsrIsSignedByTheKeyAndNamesStoreAndHub()
    {
        await _hub.RunAsync("init", "--store", "s042", "--hub", "s042-hub1");

        // LoadSigningRequestPem checks the request's self-signature.
        var request = CertificateRequest.LoadSigningRequestPem(
            File.ReadAllText(CsrFile), HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        Assert.Contains("CN=s042-hub1", request.SubjectName.Name, StringComparison.Ordinal);
        Assert.Contains("OU=s042", request.SubjectName.Name, StringComparison.Ordinal);
        var san = Assert.Single(request.CertificateExtensions.OfType<X509SubjectAlternativeNameExtension>());
        Assert.Contains("urn:store-edge:store:s042:hub:s042-hub1", san.Format(false), StringComparison.Ordinal);

        using var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(KeyFile));
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), request.PublicKey.ExportSubjectPublicKeyInfo());
    }

    [Fact]
    public async Task Init_ClaimCode_ValidForRequestedMinutesOnTheInjectedClock()
    {
        var run = await _hub.RunAsync("init", "--store", "s042", "--claim-minutes", "30", "--json");

        using var doc = JsonDocument.Parse(run.Output);
        var code = doc.RootElement.GetProperty("claimCode").GetString()!;
        var expires = doc.RootElement.GetProperty("claimExpiresAt").GetDateTimeOffset();
        Assert.True(ClaimCodeGenerator.IsWellFormed(code), code);
        Assert.Equal(_hub.Time.GetUtcNow().AddMinutes(30), expires);

        var claim = HubIdentityFiles.ReadClaim(new Paths.PathOptions().Resolve(
            new System.CommandLine.RootCommand().Parse([]), v => v switch
            {
                "EDGE_CONFIG_DIR" => _hub.ConfigDir,
                "EDGE_STATE_DIR" => _hub.StateDir,
                _ => null,
            }))!;
        Assert.Equal(code, claim.Code);
        Assert.True(claim.IsValidAt(_hub.Time.GetUtcNow().AddMinutes(29)));
        Assert.False(claim.IsValidAt(_hub.Time.GetUtcNow().AddMinutes(30)));
    }

    [Fact]
    public async Task Init_Text_ShowsCodeAndTheQrOfItsPayload()
    {
        var run = await _hub.RunAsync("init", "--store", "s042", "--json");
        using var doc = JsonDocument.Parse(run.Output);
        var payload = doc.RootElement.GetProperty("qrPayload").GetString()!;

        // A second init on the same hub keeps the key and prints a new code as text and QR.
        var text = await _hub.RunAsync("init", "--store", "s042");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Key kept", text.Output, StringComparison.Ordinal);
        Assert.Contains("Claim code:", text.Output, StringComparison.Ordinal);
        Assert.Contains("store-edge://claim?store=s042&hub=s042-hub1&code=", payload, StringComparison.Ordinal);
        var qrLines = text.Output.Split('\n').Where(l => l.Contains('█', StringComparison.Ordinal)).ToList();
        Assert.True(qrLines.Count > 10, text.ToString());
        Assert.Equal(CliOutput.RenderQr(payload).Split('\n')[0].Length, qrLines[0].Length);
    }

    [Fact]
    public async Task Init_Json_StdoutIsOneJsonDocument()
    {
        var run = await _hub.RunAsync("init", "--store", "s042", "--json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        Assert.Equal("s042", doc.RootElement.GetProperty("storeId").GetString());
        Assert.True(doc.RootElement.GetProperty("keyCreated").GetBoolean());
    }

    [Fact]
    public async Task Init_SameIdsAgain_KeepsKeyIssuesNewCode()
    {
        await _hub.RunAsync("init", "--store", "s042");
        var keyBefore = File.ReadAllText(KeyFile);

        var run = await _hub.RunAsync("init", "--store", "s042", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(keyBefore, File.ReadAllText(KeyFile));
        using var doc = JsonDocument.Parse(run.Output);
        Assert.False(doc.RootElement.GetProperty("keyCreated").GetBoolean());
    }

    [Fact]
    public async Task Init_OtherStoreWithoutForce_OneLineExitUsageNothingChanged()
    {
        await _hub.RunAsync("init", "--store", "s042");
        var before = _hub.Snapshot();

        var run = await _hub.RunAsync("init", "--store", "s043");

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains("--force", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, _hub.Snapshot());
    }

    [Fact]
    public async Task Init_OtherStoreWithForce_ReplacesKey()
    {
        await _hub.RunAsync("init", "--store", "s042");
        var keyBefore = File.ReadAllText(KeyFile);

        var run = await _hub.RunAsync("init", "--store", "s043", "--force");

        Assert.Equal(0, run.ExitCode);
        Assert.NotEqual(keyBefore, File.ReadAllText(KeyFile));
        Assert.Contains("OU=s043", CertificateRequest.LoadSigningRequestPem(File.ReadAllText(CsrFile), HashAlgorithmName.SHA256).SubjectName.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("S042")] // upper case
    [InlineData("s/042")] // topic separator
    [InlineData("s042#")] // MQTT wildcard
    [InlineData("")]
    public async Task Init_BadStoreId_OneLineUsageExitNoFiles(string storeId)
    {
        var run = await _hub.RunAsync("init", "--store", storeId);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Empty(_hub.Snapshot());
    }

    [Fact]
    public async Task Init_ClaimMinutesZero_UsageError()
    {
        var run = await _hub.RunAsync("init", "--store", "s042", "--claim-minutes", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("claim validity", run.Error, StringComparison.Ordinal);
    }
}
