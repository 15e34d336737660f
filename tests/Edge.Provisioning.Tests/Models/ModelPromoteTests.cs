using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Edge.Provisioning.Models;
using Edge.Provisioning.Tests.Support;
using Edge.TestKit;

namespace Edge.Provisioning.Tests.Models;

/// <summary>
/// model promote: against the real edge-agent binary (started with the configuration folder the CLI wrote its tokens
/// to, on a unix socket), and against a stub handler only for the answers that need a signed shadow bundle (the
/// promotion itself is proven in tests/Edge.Agent.Tests/Offers/ShadowModelTests.cs). Bad input tried: no token
/// configured, a rotated token the running agent does not know, nothing listening, a 200 body that is not JSON.
/// </summary>
public sealed class ModelPromoteTests : IDisposable
{
    private readonly Hub _hub = new();

    public void Dispose() => _hub.Dispose();

    private string AgentFile => Path.Combine(_hub.ConfigDir, "edge-agent.json");

    [RequiresMosquittoFact]
    public async Task Promote_RealEdgeAgentOnUnixSocket_IssuedTokenAcceptedRotatedOneRefused()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var state = new TempDirectory("promote-agent");
        // A short path: sun_path holds 108 bytes.
        var socket = Path.Combine("/tmp", "ep-" + Guid.NewGuid().ToString("N")[..8] + ".sock");
        WriteAgentConfig($$"""{ "EdgeAgent": { "Api": { "Url": "unix:{{socket}}" } } }""");
        Assert.Equal(0, (await _hub.RunAsync("tokens", "issue", "--no-restart")).ExitCode);
        await using var agent = ServiceProcess.Start(ServiceProcess.BinaryPath("edge-agent/Edge.Agent", "edge-agent.dll"),
            new Dictionary<string, string?> { ["EDGE_CONFIG_DIR"] = _hub.ConfigDir },
            [
                "--Edge:Broker:Port=" + broker.Port.ToString(CultureInfo.InvariantCulture),
                "--Edge:Store:StoreId=promote-store", "--Edge:Store:HubId=promote-hub",
                "--EdgeAgent:Storage:DatabasePath=" + state.File("agent.db"),
                "--EdgeAgent:Members:HubKeyFile=" + state.File("hub.key"), "--EdgeAgent:Members:BeaconKeyFile=" + state.File("keys.emk"),
                "--EdgeAgent:Members:BeaconKeyEncryptionKeyFile=" + state.File("keys.kek"),
            ]);
        try
        {
            await WaitForSocketAsync(socket, agent);

            var noShadow = await _hub.RunAsync("model", "promote");
            Assert.Equal(0, (await _hub.RunAsync("tokens", "issue", "--rotate", "--no-restart")).ExitCode);
            var rotated = await _hub.RunAsync("model", "promote");

            // 409 no_shadow_model, not 401: the agent took the token the CLI wrote into its configuration.
            Assert.Equal(1, noShadow.ExitCode);
            Assert.Contains("edge-agent has no shadow model to promote: set EdgeAgent:Offers:ShadowMode=true", noShadow.Error, StringComparison.Ordinal);
            Assert.Equal(78, rotated.ExitCode);
            Assert.Contains($"edge-agent refused the provisioning token in {AgentFile} (401)", rotated.Error, StringComparison.Ordinal);
            Assert.Contains("systemctl restart edge-agent", rotated.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(socket);
        }
    }

    [Fact]
    public async Task Promote_NoTokenConfigured_SaysToIssueTokens()
    {
        WriteAgentConfig("""{ "EdgeAgent": { "Api": { "Url": "http://127.0.0.1:5080" } } }""");

        var run = await _hub.RunAsync("model", "promote");

        Assert.Equal(78, run.ExitCode);
        Assert.Contains("EdgeAgent:Api:ProvisioningToken is not set in " + AgentFile + "; run `edge-provision tokens issue`", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_NothingListening_Unavailable69()
    {
        WriteAgentConfig($$"""{ "EdgeAgent": { "Api": { "Url": "http://127.0.0.1:{{FreePort.Next()}}", "ProvisioningToken": "provisioning-test-token" } } }""");

        var run = await _hub.RunAsync("model", "promote");

        Assert.Equal(69, run.ExitCode);
        Assert.Contains("edge-agent did not answer at http://127.0.0.1:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_AgentPromotes_SaysWhichModelServesAndWhichItReplaced()
    {
        WriteAgentConfig("""{ "EdgeAgent": { "Api": { "ProvisioningToken": "provisioning-test-token" } } }""");
        var handler = new StubHandler(HttpStatusCode.OK, """{"servingVersion":"2026.12.1","replacedVersion":"2026.11.1"}""");
        _hub.Customize = s => s with { AgentHandler = () => handler };

        var plain = await _hub.RunAsync("model", "promote");
        var json = await _hub.RunAsync("model", "promote", "--json");

        Assert.Equal(0, plain.ExitCode);
        Assert.Contains("edge-agent serves model 2026.12.1 now (it replaced 2026.11.1).", plain.Output, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.Output);
        Assert.Equal("2026.12.1", doc.RootElement.GetProperty("serving").GetString());
        Assert.Equal(("POST", "http://127.0.0.1:5080/api/v1/models/shadow/promote", "Bearer provisioning-test-token"), handler.Last);
    }

    [Fact]
    public async Task Promote_AnswerNotJson_RefusedWithAReason()
    {
        WriteAgentConfig("""{ "EdgeAgent": { "Api": { "ProvisioningToken": "provisioning-test-token" } } }""");
        _hub.Customize = s => s with { AgentHandler = () => new StubHandler(HttpStatusCode.OK, "<html>proxy</html>") };

        var run = await _hub.RunAsync("model", "promote");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("edge-agent's answer is not what this version of edge-provision reads", run.Error, StringComparison.Ordinal);
    }

    private void WriteAgentConfig(string json)
    {
        Directory.CreateDirectory(_hub.ConfigDir);
        File.WriteAllText(AgentFile, json);
    }

    private async Task WaitForSocketAsync(string socket, ServiceProcess agent)
    {
        // Kestrel creates the socket file at bind, before it listens: wait until GET /api/v1/status answers on it,
        // through the CLI's own client (the socket and token from edge-agent.json).
        using var http = AgentApi.Create(AgentFile, handler: null);
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("api/v1/status");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException("edge-agent did not answer on " + socket + ". Output:\n" + agent.Output);
            }

            await Task.Delay(100); // polling the agent's readiness, not timing the test
        }
    }

    private sealed class StubHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public (string Method, string Uri, string? Authorization) Last { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Last = (request.Method.Method, request.RequestUri!.ToString(), request.Headers.Authorization?.ToString());
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
