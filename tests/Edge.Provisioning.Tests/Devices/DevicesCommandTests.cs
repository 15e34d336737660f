using System.Text.Json;
using Edge.Provisioning.Devices;
using Edge.Provisioning.Tests.Support;

namespace Edge.Provisioning.Tests.Devices;

public sealed class DevicesCommandTests : IDisposable
{
    private readonly Hub _hub = new();

    public void Dispose() => _hub.Dispose();

    [Fact]
    public async Task Add_NoBrokerPidFile_WritesFilesWarnsExitWarning()
    {
        var run = await _hub.RunAsync("devices", "add", "kiosk", "kiosk-1");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("broker not reloaded", run.Error, StringComparison.Ordinal);
        Assert.Contains("kiosk-1:$7$101$", File.ReadAllText(_hub.PasswordFile), StringComparison.Ordinal);
        Assert.Contains("user kiosk-1", File.ReadAllText(_hub.AclFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_NoReload_ExitOkNoSignal()
    {
        var run = await _hub.RunAsync("devices", "add", "screen", "screen-1", "--no-reload");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(_hub.Signals.Sent);
    }

    [Fact]
    public async Task Add_PidFileOfLiveProcess_SendsSighupToIt()
    {
        // Our own test process stands in for the broker: SIGHUP would kill it, so the recording sender must
        // not forward. Use a customised sender that only records.
        var recorder = new OnlyRecordingSignalSender();
        _hub.Customize = s => s with { Signals = recorder };
        File.WriteAllText(_hub.BrokerPidFile, "4242\n");

        var run = await _hub.RunAsync("devices", "add", "screen", "screen-1");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([(4242, 1)], recorder.Sent);
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("1")] // init: never signal PID 1
    public async Task Add_BadPidFile_OneWarningExitWarning(string content)
    {
        File.WriteAllText(_hub.BrokerPidFile, content);

        var run = await _hub.RunAsync("devices", "add", "screen", "screen-1");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("does not hold a process id", run.Error, StringComparison.Ordinal);
        Assert.Empty(_hub.Signals.Sent);
    }

    [Fact]
    public async Task Add_ExistingId_OneLineDataErrorNothingChanged()
    {
        await _hub.RunAsync("devices", "add", "kiosk", "kiosk-1", "--no-reload");
        var before = _hub.Snapshot();

        var run = await _hub.RunAsync("devices", "add", "screen", "kiosk-1", "--no-reload");

        Assert.Equal(65, run.ExitCode);
        Assert.Equal("edge-provision: device 'kiosk-1' already exists (kiosk); remove it first or choose another id", run.Error.Trim());
        Assert.Equal(before, _hub.Snapshot());
    }

    [Fact]
    public async Task Add_IdOfAServiceUser_RefusedPasswordFileUntouched()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_hub.PasswordFile)!);
        File.WriteAllText(_hub.PasswordFile, "edge-agent:$7$101$abc$def\n");

        var run = await _hub.RunAsync("devices", "add", "kiosk", "edge-agent", "--no-reload");

        Assert.Equal(65, run.ExitCode);
        Assert.Equal("edge-agent:$7$101$abc$def\n", File.ReadAllText(_hub.PasswordFile));
    }

    [Fact]
    public async Task Add_WearableWithoutClerk_UsageError()
    {
        var run = await _hub.RunAsync("devices", "add", "wearable", "watch-1", "--no-reload");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--clerk", run.Error, StringComparison.Ordinal);
        Assert.Empty(_hub.Snapshot());
    }

    [Fact]
    public async Task Add_UnknownKind_ParseErrorNonZero()
    {
        var run = await _hub.RunAsync("devices", "add", "toaster", "t-1");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("toaster", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_ForeignAclAndPasswordLines_KeptAndDeviceBlockLast()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_hub.PasswordFile)!);
        File.WriteAllText(_hub.PasswordFile, "edge-agent:$7$101$abc$def\n");
        File.WriteAllText(_hub.AclFile, "user edge-agent\ntopic readwrite store/#\n");

        await _hub.RunAsync("devices", "add", "kiosk", "kiosk-1", "--no-reload");
        await _hub.RunAsync("devices", "add", "wearable", "watch-1", "--clerk", "anna", "--no-reload");

        var acl = File.ReadAllText(_hub.AclFile);
        Assert.StartsWith("user edge-agent\ntopic readwrite store/#\n\n" + MosquittoAclFile.Begin, acl, StringComparison.Ordinal);
        Assert.EndsWith(MosquittoAclFile.End + "\n", acl, StringComparison.Ordinal);
        Assert.Contains("user watch-1\ntopic read store/staff/alerts/anna/#\ntopic write store/staff/acks/anna/#\n", acl, StringComparison.Ordinal);
        var passwd = File.ReadAllLines(_hub.PasswordFile);
        Assert.Equal("edge-agent:$7$101$abc$def", passwd[0]);
        Assert.Equal(3, passwd.Length);
        Assert.Equal(AclMode, File.GetUnixFileMode(_hub.AclFile));
        Assert.Equal(AclMode, File.GetUnixFileMode(_hub.PasswordFile));
        Assert.Contains((_hub.PasswordFile, "mosquitto"), _hub.Ownership.Given);
    }

    private const UnixFileMode AclMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    [Fact]
    public async Task Add_Wearable_PrintsPairingQrWithCredentials()
    {
        var run = await _hub.RunAsync("devices", "add", "wearable", "watch-1", "--clerk", "anna", "--no-reload", "--broker-url", "mqtt://hub.local:1883", "--json");

        using var doc = JsonDocument.Parse(run.Output);
        var payload = doc.RootElement.GetProperty("pairingPayload").GetString()!;
        var password = doc.RootElement.GetProperty("password").GetString()!;
        Assert.Contains("kind=wearable&id=watch-1&broker=mqtt%3A%2F%2Fhub.local%3A1883&user=watch-1", payload, StringComparison.Ordinal);
        Assert.Contains("clerk=anna", payload, StringComparison.Ordinal);
        Assert.True(MosquittoPasswordHash.Verify(password, MosquittoPasswordFile.Load(_hub.PasswordFile).HashOf("watch-1")!));

        var text = await _hub.RunAsync("devices", "add", "kiosk", "kiosk-1", "--no-reload");
        Assert.Contains("Pair the device", text.Output, StringComparison.Ordinal);
        Assert.Contains('█', text.Output);
    }

    [Fact]
    public async Task Add_Scanner_NoPairingQr()
    {
        var run = await _hub.RunAsync("devices", "add", "scanner", "entrance", "--no-reload", "--json");

        using var doc = JsonDocument.Parse(run.Output);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("pairingPayload").ValueKind);
    }

    [Fact]
    public async Task List_TwoDevices_TableAndJson()
    {
        await _hub.RunAsync("devices", "add", "kiosk", "kiosk-1", "--no-reload");
        await _hub.RunAsync("devices", "add", "wearable", "watch-1", "--clerk", "anna", "--no-reload");

        var table = await _hub.RunAsync("devices", "list");
        var json = await _hub.RunAsync("devices", "list", "--json");

        Assert.Equal(0, table.ExitCode);
        var lines = table.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("kiosk-1", lines[2], StringComparison.Ordinal);
        Assert.Contains("anna", lines[3], StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", table.Output, StringComparison.Ordinal); // no colour codes when redirected
        using var doc = JsonDocument.Parse(json.Output);
        Assert.Equal(2, doc.RootElement.GetArrayLength());
        Assert.Equal("wearable", doc.RootElement[1].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Remove_UnknownId_OneLineDataError()
    {
        var run = await _hub.RunAsync("devices", "remove", "ghost");

        Assert.Equal(65, run.ExitCode);
        Assert.Contains("no device 'ghost'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_DamagedRegistry_OneLineNamingLineNothingChanged()
    {
        Directory.CreateDirectory(_hub.StateDir);
        File.WriteAllText(Path.Combine(_hub.StateDir, "devices.json"), "[\n  { \"id\": \"kiosk-1\",\n  oops\n]");
        var before = _hub.Snapshot();

        var run = await _hub.RunAsync("devices", "add", "kiosk", "kiosk-2", "--no-reload");

        Assert.Equal(65, run.ExitCode);
        Assert.Contains("line 3", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, _hub.Snapshot());
    }

    private sealed class OnlyRecordingSignalSender : Edge.Provisioning.Platform.ISignalSender
    {
        public List<(int, int)> Sent { get; } = [];

        public string? Send(int processId, int signal)
        {
            Sent.Add((processId, signal));
            return null;
        }
    }
}
