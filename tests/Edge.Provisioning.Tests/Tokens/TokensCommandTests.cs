using System.Text.Json;
using Edge.Provisioning.Platform;
using Edge.Provisioning.Tests.Doctor;
using Edge.Provisioning.Tests.Support;

namespace Edge.Provisioning.Tests.Tokens;

/// <summary>
/// tokens issue|show against temporary folders standing for /etc/store-edge. Bad input tried: an edge-agent.json that
/// is not JSON, one that is a JSON array, an unknown caller, show before any token was issued.
/// </summary>
public sealed class TokensCommandTests : IDisposable
{
    private static readonly string[] Keys = ["KioskToken", "PosToken", "WearableToken", "ProvisioningToken"];
    private readonly Hub _hub = new();
    private readonly FakeProcessRunner _systemctl = new((_, _) => new ProcessResult(0, string.Empty, string.Empty));

    public TokensCommandTests()
    {
        _hub.Customize = s => s with { Processes = _systemctl };
    }

    private string AgentFile => Path.Combine(_hub.ConfigDir, "edge-agent.json");

    private string KioskFile => Path.Combine(_hub.ConfigDir, "kiosk-ui.json");

    public void Dispose() => _hub.Dispose();

    [Fact]
    public async Task Issue_FreshHub_OwnTokenPerCallerKioskUiGetsTheKioskOneAndBothRestart()
    {
        var run = await _hub.RunAsync("tokens", "issue");

        Assert.Equal(0, run.ExitCode);
        var tokens = Keys.Select(k => Read(AgentFile, "EdgeAgent", "Api", k)).ToList();
        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{43}$", t));
        Assert.Equal(4, tokens.Distinct().Count());
        Assert.Equal(tokens[0], Read(KioskFile, "Kiosk", "AgentToken"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(AgentFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KioskFile));
        Assert.Equal([(AgentFile, "store-edge-edge-agent"), (KioskFile, "store-edge-kiosk-ui")], _hub.Ownership.Given);
        Assert.Equal(["systemctl try-restart edge-agent", "systemctl try-restart kiosk-ui"], _systemctl.Calls);
        Assert.DoesNotContain(tokens[1], run.Output, StringComparison.Ordinal); // issue never prints a token
    }

    [Fact]
    public async Task Issue_Again_KeepsTokensAndOtherSettingsAndRestartsNothingUntilRotate()
    {
        Directory.CreateDirectory(_hub.ConfigDir);
        // Hand-written, other casing, a comment: configuration matches keys case-insensitively, so must we.
        File.WriteAllText(AgentFile, """
            { // store 42
              "edgeAgent": { "api": { "url": "unix:/run/store-edge/agent.sock" }, "Offers": { "ShadowMode": true } }
            }
            """);
        File.WriteAllText(KioskFile, """{ "Kiosk": { "KioskId": "k7" } }""");
        await _hub.RunAsync("tokens", "issue");
        var first = Keys.Select(k => Read(AgentFile, "edgeAgent", "api", k)).ToList();
        _systemctl.Calls.Clear();

        var again = await _hub.RunAsync("tokens", "issue");
        var kept = Keys.Select(k => Read(AgentFile, "edgeAgent", "api", k)).ToList();
        var restartsAfterKeep = _systemctl.Calls.Count;
        var rotated = await _hub.RunAsync("tokens", "issue", "--rotate", "--no-restart");
        var fresh = Keys.Select(k => Read(AgentFile, "edgeAgent", "api", k)).ToList();

        Assert.Equal((0, 0), (again.ExitCode, rotated.ExitCode));
        Assert.Equal(first, kept);
        Assert.Equal(0, restartsAfterKeep);
        Assert.Empty(first.Intersect(fresh));
        Assert.Equal(fresh[0], Read(KioskFile, "Kiosk", "AgentToken"));
        Assert.Equal("unix:/run/store-edge/agent.sock", Read(AgentFile, "edgeAgent", "api", "url"));
        Assert.Equal("k7", Read(KioskFile, "Kiosk", "KioskId"));
        using var agent = JsonDocument.Parse(File.ReadAllText(AgentFile));
        Assert.True(agent.RootElement.GetProperty("edgeAgent").GetProperty("Offers").GetProperty("ShadowMode").GetBoolean());
        Assert.Single(agent.RootElement.EnumerateObject()); // updated in place, not a second "EdgeAgent" section
        Assert.Empty(_systemctl.Calls);
    }

    [Theory]
    [InlineData("{ \"EdgeAgent\": ", "is not valid JSON")]
    [InlineData("[1, 2]", "is not a JSON object")]
    public async Task Issue_MalformedAgentConfig_RefusedNamingTheFileAndNothingWritten(string content, string expected)
    {
        Directory.CreateDirectory(_hub.ConfigDir);
        File.WriteAllText(AgentFile, content);
        var before = _hub.Snapshot();

        var run = await _hub.RunAsync("tokens", "issue");

        Assert.Equal(78, run.ExitCode);
        Assert.Contains(AgentFile, run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal(before, _hub.Snapshot());
        Assert.Empty(_systemctl.Calls);
    }

    [Fact]
    public async Task Show_Pos_PrintsThatTokenAloneAndAsJson()
    {
        await _hub.RunAsync("tokens", "issue", "--no-restart");
        var pos = Read(AgentFile, "EdgeAgent", "Api", "PosToken");

        var plain = await _hub.RunAsync("tokens", "show", "pos");
        var json = await _hub.RunAsync("tokens", "show", "POS", "--json");

        Assert.Equal(pos + Environment.NewLine, plain.Output);
        using var doc = JsonDocument.Parse(json.Output);
        Assert.Equal(("pos", pos), (doc.RootElement.GetProperty("caller").GetString(), doc.RootElement.GetProperty("token").GetString()));
    }

    [Fact]
    public async Task Show_UnknownCallerOrNothingIssued_SaysWhatToDo()
    {
        var unknown = await _hub.RunAsync("tokens", "show", "printer");
        var none = await _hub.RunAsync("tokens", "show", "pos");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown caller 'printer'; one of: kiosk, pos, wearable, provisioning", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(78, none.ExitCode);
        Assert.Contains("EdgeAgent:Api:PosToken is not set", none.Error, StringComparison.Ordinal);
        Assert.Contains("edge-provision tokens issue", none.Error, StringComparison.Ordinal);
    }

    private static string Read(string file, params string[] path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var element = doc.RootElement;
        foreach (var part in path)
        {
            element = element.GetProperty(part);
        }

        return element.GetString()!;
    }
}
