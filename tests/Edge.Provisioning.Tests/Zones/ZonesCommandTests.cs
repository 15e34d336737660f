using System.Text.Json;
using Edge.Contracts.Zones;
using Edge.Provisioning.Platform;
using Edge.Provisioning.Tests.Doctor;
using Edge.Provisioning.Tests.Support;

namespace Edge.Provisioning.Tests.Zones;

public sealed class ZonesCommandTests : IDisposable
{
    private const string GoodYaml = """
        # Store 42, ground floor
        version: 1
        storeId: s042
        zones:
          - id: entrance
            name: Entrance
            receivers:
              - id: hub
                kind: hub
                position: { x: 1.5, y: 0.5 }
              - id: door-esp
                kind: espresense
                position:
                  x: 3
                  y: 0.2
                txPower: -59
          - id: electronics
            name: Electronics & games
            receivers:
              - id: elec-esp
                kind: espresense
                position: { x: 12, y: 8.25 }
        """;

    private readonly Hub _hub = new();
    private ProcessResult? _systemctlAnswer = new(0, string.Empty, string.Empty);
    private readonly FakeProcessRunner _systemctl;

    public ZonesCommandTests()
    {
        _systemctl = new FakeProcessRunner((_, _) => _systemctlAnswer);
        _hub.Customize = s => s with { Processes = _systemctl };
    }

    public void Dispose() => _hub.Dispose();

    [Fact]
    public async Task Import_Valid_RestartsBeaconGatewaySoItReadsTheNewZones()
    {
        var run = await _hub.RunAsync("zones", "import", Write("zones.yaml", GoodYaml), "--zones-file", _hub.ZonesFile);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["systemctl try-restart beacon-gateway"], _systemctl.Calls);
    }

    [Fact]
    public async Task Import_NoRestartOrCheck_DoesNotTouchTheService()
    {
        await _hub.RunAsync("zones", "import", Write("zones.yaml", GoodYaml), "--zones-file", _hub.ZonesFile, "--no-restart");
        await _hub.RunAsync("zones", "import", Write("zones.yaml", GoodYaml), "--zones-file", _hub.ZonesFile, "--check");

        Assert.Empty(_systemctl.Calls);
        Assert.True(File.Exists(_hub.ZonesFile));
    }

    [Fact]
    public async Task Import_SystemctlRefuses_FileWrittenAndWarningSaysWhatToRun()
    {
        _systemctlAnswer = new ProcessResult(1, string.Empty, "Failed to connect to bus: No such file or directory\nmore");

        var run = await _hub.RunAsync("zones", "import", Write("zones.yaml", GoodYaml), "--zones-file", _hub.ZonesFile);

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(_hub.ZonesFile));
        Assert.Contains("Failed to connect to bus", run.Error + run.Output, StringComparison.Ordinal);
        Assert.Contains("systemctl restart beacon-gateway", run.Error + run.Output, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = _hub.File(name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Import_ValidYaml_WritesContractJsonForBeaconGateway()
    {
        var run = await _hub.RunAsync("zones", "import", Write("zones.yaml", GoodYaml), "--zones-file", _hub.ZonesFile);

        Assert.Equal(0, run.ExitCode);
        var zones = JsonSerializer.Deserialize(File.ReadAllText(_hub.ZonesFile), ZonesJsonContext.Default.StoreZones)!;
        Assert.Equal("s042", zones.StoreId);
        Assert.Equal(["entrance", "electronics"], zones.Zones.Select(z => z.Id));
        var door = zones.Zones[0].Receivers[1];
        Assert.Equal(new ZoneReceiver("door-esp", ReceiverKind.Espresense, new ZonePosition(3, 0.2), -59), door);
        Assert.Null(zones.Zones[0].Receivers[0].TxPower);
        Assert.Contains("\"kind\": \"espresense\"", File.ReadAllText(_hub.ZonesFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ValidJson_SameDocumentAsYaml()
    {
        await _hub.RunAsync("zones", "import", Write("zones.yaml", GoodYaml), "--zones-file", _hub.ZonesFile);
        var fromYaml = File.ReadAllText(_hub.ZonesFile);
        File.Delete(_hub.ZonesFile);

        var run = await _hub.RunAsync("zones", "import", Write("export.json", fromYaml), "--zones-file", _hub.ZonesFile);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(fromYaml, File.ReadAllText(_hub.ZonesFile));
    }

    [Theory]
    [InlineData("receivers:", "recievers:", 7, "unknown field 'recievers' in zone 'entrance' (did you mean 'receivers'?)")]
    [InlineData("kind: espresense", "kind: esppresense", 12, "unknown kind 'esppresense', expected hub, espresense or beacon (did you mean 'espresense'?)")]
    [InlineData("x: 3", "x: three", 14, "position x must be a number")]
    [InlineData("txPower: -59", "txPower: -590", 16, "txPower must be a whole number")]
    [InlineData("id: elec-esp", "id: door-esp", 20, "receiver id 'door-esp' is used twice (first on line 11)")]
    [InlineData("id: electronics", "id: Electronics", 17, "zone id 'Electronics' is not valid")]
    [InlineData("name: Entrance", "nam: Entrance", 6, "unknown field 'nam' in zone 'entrance' (did you mean 'name'?)")]
    [InlineData("{ x: 12, y: 8.25 }", "{ x: 12, y: \"8.25\" }", 22, "position y must be a number")]
    [InlineData("version: 1", "version: 2", 2, "version must be 1")]
    public async Task Import_YamlWithTypo_OneLineNamingTheLineNothingWritten(string good, string bad, int line, string expected)
    {
        var at = GoodYaml.IndexOf(good, StringComparison.Ordinal);
        var yaml = GoodYaml[..at] + bad + GoodYaml[(at + good.Length)..];

        var run = await _hub.RunAsync("zones", "import", Write("zones.yaml", yaml), "--zones-file", _hub.ZonesFile);

        Assert.Equal(65, run.ExitCode);
        var error = Assert.Single(run.Error.Trim().Split('\n'));
        Assert.StartsWith($"edge-provision: zones.yaml:{line}: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(File.Exists(_hub.ZonesFile));
    }

    [Fact]
    public async Task Import_BrokenYamlIndentation_LineOfTheSyntaxError()
    {
        var run = await _hub.RunAsync("zones", "import", Write("zones.yaml", "zones:\n  - id: a\n     name: x\n"), "--zones-file", _hub.ZonesFile);

        Assert.Equal(65, run.ExitCode);
        Assert.Contains("zones.yaml:3: not valid YAML", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_JsonMissingComma_JsonLineNumber()
    {
        var json = "{\n  \"zones\": [\n    { \"id\": \"a\" \"name\": \"A\" }\n  ]\n}";

        var run = await _hub.RunAsync("zones", "import", Write("zones.json", json), "--zones-file", _hub.ZonesFile);

        Assert.Equal(65, run.ExitCode);
        Assert.Contains("zones.json:3: not valid JSON", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SeveralProblems_FirstShownRestCountedAllInJson()
    {
        var yaml = GoodYaml.Replace("kind: hub", "kind: hubb", StringComparison.Ordinal).Replace("x: 3", "x: -3", StringComparison.Ordinal);

        var text = await _hub.RunAsync("zones", "import", Write("zones.yaml", yaml), "--zones-file", _hub.ZonesFile);
        var json = await _hub.RunAsync("zones", "import", Write("zones.yaml", yaml), "--zones-file", _hub.ZonesFile, "--json");

        Assert.Contains("(and 1 more problem)", text.Error, StringComparison.Ordinal);
        Assert.Contains("did you mean 'hub'", text.Error, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.Output);
        Assert.Equal(2, doc.RootElement.GetProperty("errors").GetArrayLength());
        Assert.Equal(65, json.ExitCode);
    }

    [Fact]
    public async Task Import_Check_ValidatesWithoutWriting()
    {
        var run = await _hub.RunAsync("zones", "import", Write("zones.yaml", GoodYaml), "--check", "--zones-file", _hub.ZonesFile);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("nothing written", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_hub.ZonesFile));
    }

    [Fact]
    public async Task Import_FailureAfterGoodImport_KeepsPreviousZones()
    {
        await _hub.RunAsync("zones", "import", Write("zones.yaml", GoodYaml), "--zones-file", _hub.ZonesFile);
        var before = File.ReadAllText(_hub.ZonesFile);

        await _hub.RunAsync("zones", "import", Write("bad.yaml", "zones: []\n"), "--zones-file", _hub.ZonesFile);

        Assert.Equal(before, File.ReadAllText(_hub.ZonesFile));
    }

    [Fact]
    public async Task Import_MissingFile_UsageError()
    {
        var run = await _hub.RunAsync("zones", "import", _hub.File("nope.yaml"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_AfterImport_TableRowPerReceiver()
    {
        await _hub.RunAsync("zones", "import", Write("zones.yaml", GoodYaml), "--zones-file", _hub.ZonesFile);

        var run = await _hub.RunAsync("zones", "show", "--zones-file", _hub.ZonesFile);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length); // header, rule, three receivers
        Assert.Matches(@"^entrance\s+Entrance\s+door-esp\s+espresense\s+3\s+0\.2\s+-59$", lines[3]);
    }

    [Fact]
    public async Task Show_NoZonesYet_ConfigErrorSaysWhatToRun()
    {
        var run = await _hub.RunAsync("zones", "show");

        Assert.Equal(78, run.ExitCode);
        Assert.Contains("zones import", run.Error, StringComparison.Ordinal);
    }
}
