using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Edge.Contracts.Provisioning;
using Edge.Messaging;
using Edge.Provisioning.Devices;
using Edge.Provisioning.Platform;
using Edge.Provisioning.Tests.Doctor;
using Edge.Provisioning.Tests.Support;
using Edge.TestKit;

namespace Edge.Provisioning.Tests.Claim;

/// <summary>The claim flow end to end: edge-provision on one side, a responder on the other, a real mosquitto between.</summary>
public sealed class ClaimCommandTests : IAsyncLifetime
{
    private const string ClaimPassword = "bootstrap-secret";
    private readonly Hub _hub = new();
    private readonly FakeProcessRunner _systemctl = new((_, _) => new ProcessResult(0, string.Empty, string.Empty));
    private readonly TempDirectory _brokerFiles = new("cloud-broker");
    private MosquittoBroker? _broker;
    private ClaimResponder? _responder;

    private MosquittoBroker Broker => _broker!;

    private ClaimResponder Responder => _responder!;

    private string PasswordFile => _hub.File("claim-password");

    private string CertificateFile => Path.Combine(_hub.ConfigDir, "identity", "hub.crt");

    public async Task InitializeAsync()
    {
        if (ExternalTools.Mosquitto is null)
        {
            return;
        }

        var passwd = _brokerFiles.File("passwd");
        File.WriteAllText(passwd, $"claim:{MosquittoPasswordHash.Create(ClaimPassword)}\ncloud:{MosquittoPasswordHash.Create("cloud-secret")}\n");
        _broker = await MosquittoBroker.StartAsync(["allow_anonymous false", "password_file " + passwd]);
        _responder = await ClaimResponder.StartAsync(_broker.Uri, "cloud", "cloud-secret", _hub.Time);
        File.WriteAllText(PasswordFile, ClaimPassword + "\n");
        _hub.Customize = s => s with { Processes = _systemctl };
    }

    public async Task DisposeAsync()
    {
        if (_responder is not null)
        {
            await _responder.DisposeAsync();
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        _brokerFiles.Dispose();
        _hub.Dispose();
    }

    private async Task<string> InitAsync()
    {
        var run = await _hub.RunAsync("init", "--store", "s042", "--json");
        using var doc = JsonDocument.Parse(run.Output);
        return doc.RootElement.GetProperty("claimCode").GetString()!;
    }

    private Task<CliRun> ClaimAsync(params string[] extra) =>
        _hub.RunAsync(["claim", "--cloud-url", Broker.Uri, "--bootstrap-password-file", PasswordFile, .. extra]);

    [RequiresMosquittoFact]
    public async Task Claim_ValidCode_StoresCertificateForOurKeyAndSwitchesCloudSync()
    {
        Responder.ExpectedCode = await InitAsync();

        var run = await ClaimAsync("--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var request = Assert.Single(Responder.Requests);
        Assert.Equal(("s042", "s042-hub1"), (request.StoreId, request.HubId));
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(CertificateFile));
        using var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(Path.Combine(_hub.ConfigDir, "identity", "hub.key")));
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), certificate.GetECDsaPublicKey()!.ExportSubjectPublicKeyInfo());
        Assert.Equal(Responder.Ca.Thumbprint, X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(_hub.ConfigDir, "identity", "cloud-ca.crt"))).Thumbprint);

        using var cloud = JsonDocument.Parse(File.ReadAllText(Path.Combine(_hub.ConfigDir, "cloud.json")));
        Assert.Equal("mqtts://broker.cloud.example:8883", cloud.RootElement.GetProperty("server").GetString());
        Assert.Equal(CertificateFile, cloud.RootElement.GetProperty("clientCertificateFile").GetString());
        Assert.Contains("systemctl try-restart cloud-sync", _systemctl.Calls);
        Assert.False(File.Exists(Path.Combine(_hub.StateDir, "claim.json"))); // the code is spent
    }

    [RequiresMosquittoFact]
    public async Task Claim_Twice_SecondSaysAlreadyClaimedWithoutAskingTheCloud()
    {
        Responder.ExpectedCode = await InitAsync();
        Assert.Equal(0, (await ClaimAsync()).ExitCode);
        var certificate = File.ReadAllText(CertificateFile);

        var again = await ClaimAsync();

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already claimed", again.Output, StringComparison.Ordinal);
        Assert.Single(Responder.Requests);
        Assert.Equal(certificate, File.ReadAllText(CertificateFile));
    }

    [RequiresMosquittoFact]
    public async Task Claim_WrongCode_RejectedWithReasonNothingWritten()
    {
        await InitAsync();
        Responder.ExpectedCode = "AAAA-BBBB-CCCC";
        var before = _hub.Snapshot();

        var run = await ClaimAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("edge-provision: the cloud rejected the claim: unknown claim code", run.Error.Trim());
        Assert.Equal(before, _hub.Snapshot());
    }

    [RequiresMosquittoFact]
    public async Task Claim_CloudSaysExpired_SaysRunInitAgain()
    {
        await InitAsync();
        Responder.ForcedStatus = ClaimStatus.Expired;

        var run = await ClaimAsync();

        Assert.Equal(65, run.ExitCode);
        Assert.Contains("expired", run.Error, StringComparison.Ordinal);
        Assert.Contains("edge-provision init --store s042", run.Error, StringComparison.Ordinal);
    }

    [RequiresMosquittoFact]
    public async Task Claim_CodeExpiredLocally_RefusedBeforeAnyNetwork()
    {
        await InitAsync();
        _hub.Time.Advance(TimeSpan.FromMinutes(61));

        var run = await ClaimAsync();

        Assert.Equal(65, run.ExitCode);
        Assert.Contains("expired at 2026-11-23 10:00 UTC", run.Error, StringComparison.Ordinal);
        Assert.Empty(Responder.Requests);
    }

    [RequiresMosquittoFact]
    public async Task Claim_CertificateForAnotherKey_RefusedNothingWritten()
    {
        Responder.ExpectedCode = await InitAsync();
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Responder.WrongKey = other;

        var run = await ClaimAsync();

        Assert.Equal(65, run.ExitCode);
        Assert.Contains("not for this hub's key", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(CertificateFile));
    }

    [RequiresMosquittoFact]
    public async Task Claim_WrongBootstrapPassword_OneLineConfigError()
    {
        Responder.ExpectedCode = await InitAsync();
        File.WriteAllText(PasswordFile, "nope");

        var run = await ClaimAsync();

        Assert.Equal(78, run.ExitCode);
        Assert.Contains("bootstrap credentials", run.Error, StringComparison.Ordinal);
    }

    [RequiresMosquittoFact]
    public async Task Claim_NoNetwork_OneLineUnavailableNothingWritten()
    {
        await InitAsync();
        var before = _hub.Snapshot();

        var run = await _hub.RunAsync("claim", "--cloud-url", $"mqtt://127.0.0.1:{FreePort.Next()}", "--bootstrap-password-file", PasswordFile);

        Assert.Equal(69, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains("cannot reach the cloud", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, _hub.Snapshot());
    }

    [RequiresMosquittoFact]
    public async Task Claim_NobodyAnswers_TimesOutWithOneLine()
    {
        await InitAsync();
        await _responder!.DisposeAsync();
        _responder = null;
        // A real clock for the client: the wait for the answer is the thing under test.
        _hub.Customize = s => s with { Processes = _systemctl, MqttClients = o => new MqttClientFactory(TimeProvider.System).Create(o) };

        var run = await ClaimAsync("--timeout-seconds", "1");

        Assert.Equal(69, run.ExitCode);
        Assert.Contains("no answer from the cloud", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_BeforeInit_ConfigErrorSaysInit()
    {
        var run = await _hub.RunAsync("claim", "--cloud-url", "mqtt://127.0.0.1:1");

        Assert.Equal(78, run.ExitCode);
        Assert.Contains("edge-provision init", run.Error, StringComparison.Ordinal);
    }
}
