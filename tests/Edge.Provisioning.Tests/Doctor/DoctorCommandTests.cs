using System.Text.Json;
using Edge.Provisioning.Doctor;
using Edge.Provisioning.Output;
using Edge.Provisioning.Tests.Support;

namespace Edge.Provisioning.Tests.Doctor;

public sealed class DoctorCommandTests : IDisposable
{
    private readonly Hub _hub = new();

    public void Dispose() => _hub.Dispose();

    private void Checks(params Status[] statuses) =>
        _hub.Customize = s => s with { DoctorChecks = _ => [.. statuses.Select((st, i) => (IDoctorCheck)new FixedCheck($"check-{i}", st))] };

    [Theory]
    [InlineData("Ok,Ok", 0)]
    [InlineData("Ok,Skip", 0)]
    [InlineData("Ok,Warn,Skip", 3)]
    [InlineData("Warn,Fail,Ok", 1)]
    public async Task Doctor_ExitCode_ByWorstStatus(string statuses, int expected)
    {
        Checks([.. statuses.Split(',').Select(Enum.Parse<Status>)]);

        var run = await _hub.RunAsync("doctor");

        Assert.Equal(expected, run.ExitCode);
    }

    [Fact]
    public async Task Doctor_Table_RowPerCheckWithWhatToDo()
    {
        Checks(Status.Ok, Status.Fail);

        var run = await _hub.RunAsync("doctor");

        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("CHECK", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^check-1\s+FAIL\s+saw Fail\s+do something$", lines[3]);
        Assert.Contains("1 OK, 1 FAIL. Exit code 1.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_Json_WorstAndEveryCheck()
    {
        Checks(Status.Ok, Status.Warn);

        var run = await _hub.RunAsync("doctor", "--json");

        using var doc = JsonDocument.Parse(run.Output);
        Assert.Equal("Warn", doc.RootElement.GetProperty("worst").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("checks").GetArrayLength());
        Assert.Equal("do something", doc.RootElement.GetProperty("checks")[1].GetProperty("action").GetString());
    }

    [Fact]
    public async Task Doctor_RealChecksOnTempHub_EveryCheckReportsNoneThrows()
    {
        var runner = new FakeProcessRunner((_, _) => null);
        _hub.Customize = s => s with { Processes = runner };

        var run = await _hub.RunAsync(
            "doctor", "--json", "--broker", $"127.0.0.1:{Edge.TestKit.FreePort.Next()}", "--health", $"edge-agent=http://127.0.0.1:{Edge.TestKit.FreePort.Next()}/healthz",
            "--bluetooth-sysfs", _hub.File("no-bt"), "--rfkill-sysfs", _hub.File("no-rfkill"), "--timesync-flag", _hub.File("no-flag"), "--timeout-seconds", "2");

        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        var names = doc.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("check").GetString()).ToList();
        Assert.Contains("broker", names);
        Assert.Contains("outbox backlog", names);
        Assert.Equal(14, names.Count); // 5 services, 1 health, then broker, bt, clock, disk, cert, cloud, model, outbox
        Assert.Contains("systemctl is-active cloud-sync", runner.Calls);
    }

    [Fact]
    public async Task Doctor_BadHealthOption_UsageError()
    {
        var run = await _hub.RunAsync("doctor", "--health", "edge-agent");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("name=http", run.Error, StringComparison.Ordinal);
    }

    private sealed class FixedCheck(string name, Status status) : IDoctorCheck
    {
        public string Name => name;

        public Task<CheckResult> RunAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new CheckResult(name, status, "saw " + status, status == Status.Ok ? null : "do something"));
    }
}
