using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Edge.Provisioning.Doctor;
using Edge.Provisioning.Output;
using Edge.Provisioning.Platform;
using Edge.TestKit;
using Microsoft.Data.Sqlite;

namespace Edge.Provisioning.Tests.Doctor;

public sealed class DoctorChecksTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly TempDirectory _dir = new("doctor");
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("active", 0, "", "Ok")]
    [InlineData("activating", 3, "", "Warn")] // started, READY not yet sent
    [InlineData("failed", 3, "", "Fail")]
    [InlineData("inactive", 3, "", "Fail")]
    [InlineData("offline", 1, "System has not been booted with systemd as init system (PID 1). Can't operate.", "Warn")]
    public async Task Systemd_StateFromSystemctl_Verdict(string output, int exitCode, string error, string expected)
    {
        var runner = new FakeProcessRunner((_, _) => new ProcessResult(exitCode, output, error));

        var result = await new SystemdServiceCheck("edge-agent", runner, Timeout).RunAsync(CancellationToken.None);

        Assert.Equal(Enum.Parse<Status>(expected), result.Status);
        Assert.Equal(["systemctl is-active edge-agent"], runner.Calls);
    }

    [Fact]
    public async Task Systemd_NoSystemctl_WarnSaysWhy()
    {
        var result = await new SystemdServiceCheck("edge-agent", new FakeProcessRunner((_, _) => null), Timeout).RunAsync(CancellationToken.None);

        Assert.Equal(Status.Warn, result.Status);
        Assert.Contains("not installed", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200, "{\"status\":\"Healthy\"}", "Ok")]
    [InlineData(200, "{\"status\":\"Degraded\"}", "Warn")]
    [InlineData(503, "{\"status\":\"Unhealthy\"}", "Fail")]
    [InlineData(404, "", "Fail")]
    public async Task Health_RealHttpEndpoint_VerdictByStatus(int code, string body, string expected)
    {
        var port = FreePort.Next();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serve = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            context.Response.StatusCode = code;
            var bytes = System.Text.Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        });
        using var http = new HttpClient { Timeout = Timeout };

        var result = await new HealthEndpointCheck("edge-agent", new Uri($"http://127.0.0.1:{port}/healthz"), http).RunAsync(CancellationToken.None);
        await serve;

        Assert.Equal(Enum.Parse<Status>(expected), result.Status);
    }

    [Fact]
    public async Task Health_NothingListening_FailNamesUrl()
    {
        using var http = new HttpClient { Timeout = Timeout };
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/healthz");

        var result = await new HealthEndpointCheck("kiosk-ui", url, http).RunAsync(CancellationToken.None);

        Assert.Equal(Status.Fail, result.Status);
        Assert.Contains(url.ToString(), result.Detail, StringComparison.Ordinal);
    }

    [RequiresMosquittoFact]
    public async Task Broker_RefusesAnonymous_Ok()
    {
        var passwd = _dir.File("passwd");
        File.WriteAllText(passwd, "svc:" + Edge.Provisioning.Devices.MosquittoPasswordHash.Create("x") + "\n");
        await using var broker = await MosquittoBroker.StartAsync(["allow_anonymous false", "password_file " + passwd]);

        var result = await new BrokerCheck(broker.Host, broker.Port, Timeout).RunAsync(CancellationToken.None);

        Assert.Equal(Status.Ok, result.Status);
    }

    [RequiresMosquittoFact]
    public async Task Broker_AnonymousAllowed_FailBecauseAclsAreBypassed()
    {
        await using var broker = await MosquittoBroker.StartAsync();

        var result = await new BrokerCheck(broker.Host, broker.Port, Timeout).RunAsync(CancellationToken.None);

        Assert.Equal(Status.Fail, result.Status);
        Assert.Contains("allow_anonymous false", result.Action, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broker_NotRunning_Fail()
    {
        var result = await new BrokerCheck("127.0.0.1", FreePort.Next(), Timeout).RunAsync(CancellationToken.None);

        Assert.Equal(Status.Fail, result.Status);
        Assert.Contains("systemctl status mosquitto", result.Action, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broker_SomethingElseOnThePort_FailNotAnMqttBroker()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serve = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            await client.GetStream().WriteAsync("HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray());
        });

        var result = await new BrokerCheck("127.0.0.1", port, Timeout).RunAsync(CancellationToken.None);
        await serve;

        Assert.Equal(Status.Fail, result.Status);
        Assert.Contains("not an MQTT broker", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, null, null, "Fail")] // no adapter
    [InlineData(true, null, null, "Ok")]
    [InlineData(true, "1", "0", "Fail")] // rfkill soft block
    [InlineData(true, "0", "1", "Fail")] // hardware switch
    public async Task Bluetooth_SysfsLayout_Verdict(bool adapter, string? soft, string? hard, string expected)
    {
        var bt = _dir.Sub("bluetooth");
        var rfkill = _dir.Sub("rfkill");
        if (adapter)
        {
            Directory.CreateDirectory(Path.Combine(bt, "hci0"));
        }

        if (soft is not null)
        {
            var sw = Directory.CreateDirectory(Path.Combine(rfkill, "rfkill0")).FullName;
            File.WriteAllText(Path.Combine(sw, "type"), "bluetooth\n");
            File.WriteAllText(Path.Combine(sw, "soft"), soft + "\n");
            File.WriteAllText(Path.Combine(sw, "hard"), hard + "\n");
        }

        var result = await new BluetoothAdapterCheck(bt, rfkill).RunAsync(CancellationToken.None);

        Assert.Equal(Enum.Parse<Status>(expected), result.Status);
    }

    [Theory]
    [InlineData("yes", false, "Ok")]
    [InlineData("no", false, "Warn")]
    [InlineData(null, true, "Ok")] // no timedatectl, but timesyncd's flag file exists
    [InlineData(null, false, "Warn")]
    public async Task Clock_TimedatectlOrFlag_Verdict(string? ntp, bool flag, string expected)
    {
        var runner = new FakeProcessRunner((_, _) => ntp is null ? null : new ProcessResult(0, ntp, string.Empty));
        var flagFile = _dir.File("synchronized");
        if (flag)
        {
            File.WriteAllText(flagFile, string.Empty);
        }

        var result = await new ClockSyncCheck(runner, flagFile, Timeout).RunAsync(CancellationToken.None);

        Assert.Equal(Enum.Parse<Status>(expected), result.Status);
    }

    [Theory]
    [InlineData(3, "Fail")]
    [InlineData(10, "Warn")]
    [InlineData(50, "Ok")]
    public async Task Disk_FreePercent_Verdict(int percentFree, string expected)
    {
        const long total = 100L * 1024 * 1024 * 1024;
        var check = new DiskSpaceCheck(Path.Combine(_dir.Path, "not", "created", "yet"), _ => (total * percentFree / 100, total));

        var result = await check.RunAsync(CancellationToken.None);

        Assert.Equal(Enum.Parse<Status>(expected), result.Status);
        Assert.Contains(_dir.Path, result.Detail, StringComparison.Ordinal); // measured at the nearest existing folder
    }

    [Theory]
    [InlineData(-30, 90, "Ok")]
    [InlineData(-30, 10, "Warn")] // expires within 14 days
    [InlineData(-30, -1, "Fail")] // expired
    [InlineData(1, 90, "Fail")] // not yet valid: the clock is behind
    public async Task Certificate_ValidityAgainstInjectedClock_Verdict(int notBeforeDays, int notAfterDays, string expected)
    {
        var now = _time.GetUtcNow();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=s042-hub1", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(now.AddDays(notBeforeDays), now.AddDays(notAfterDays));
        var file = _dir.File("hub.crt");
        File.WriteAllText(file, certificate.ExportCertificatePem());

        var result = await new CertificateExpiryCheck(file, _time).RunAsync(CancellationToken.None);

        Assert.Equal(Enum.Parse<Status>(expected), result.Status);
    }

    [Fact]
    public async Task Certificate_Missing_WarnSaysClaim()
    {
        var result = await new CertificateExpiryCheck(_dir.File("hub.crt"), _time).RunAsync(CancellationToken.None);

        Assert.Equal(Status.Warn, result.Status);
        Assert.Contains("claim", result.Action, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certificate_Garbage_Fail()
    {
        File.WriteAllText(_dir.File("hub.crt"), "-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n");

        var result = await new CertificateExpiryCheck(_dir.File("hub.crt"), _time).RunAsync(CancellationToken.None);

        Assert.Equal(Status.Fail, result.Status);
    }

    [Fact]
    public async Task Cloud_LoopbackListener_Ok()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var endpoint = $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

        var result = await new CloudReachabilityCheck(endpoint, Timeout).RunAsync(CancellationToken.None);

        Assert.Equal(Status.Ok, result.Status);
    }

    [Theory]
    [InlineData(null, "Warn")] // not configured yet
    [InlineData("cloud.example", "Fail")] // no port
    [InlineData("127.0.0.1:0", "Fail")]
    public async Task Cloud_BadOrMissingEndpoint_Verdict(string? endpoint, string expected)
    {
        var result = await new CloudReachabilityCheck(endpoint, Timeout).RunAsync(CancellationToken.None);

        Assert.Equal(Enum.Parse<Status>(expected), result.Status);
    }

    [Fact]
    public async Task Cloud_NoNetwork_OneFailSayingOfflineIsFine()
    {
        var result = await new CloudReachabilityCheck($"127.0.0.1:{FreePort.Next()}", Timeout).RunAsync(CancellationToken.None);

        Assert.Equal(Status.Fail, result.Status);
        Assert.Contains("keeps working offline", result.Action, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_VersionFile_OkWithVersionMissingWarn()
    {
        var file = _dir.File("VERSION");
        Assert.Equal(Status.Warn, (await new ModelVersionCheck(file).RunAsync(CancellationToken.None)).Status);

        File.WriteAllText(file, "offers-2026.11.2\n");
        var result = await new ModelVersionCheck(file).RunAsync(CancellationToken.None);

        Assert.Equal(Status.Ok, result.Status);
        Assert.Equal("offers-2026.11.2", result.Detail);
    }

    [Theory]
    [InlineData(new int[0], "Ok")]
    [InlineData(new[] { 5, 2 }, "Ok")] // minutes old
    [InlineData(new[] { 120, 5 }, "Warn")]
    [InlineData(new[] { 2 * 24 * 60 }, "Fail")]
    public async Task Outbox_RealSqliteFile_VerdictByOldestMessage(int[] ageMinutes, string expected)
    {
        var db = _dir.File("outbox.db");
        await using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            // The columns doctor reads, as cloud-sync's migration 1 creates them.
            create.CommandText = "CREATE TABLE outbox(id INTEGER PRIMARY KEY, stream TEXT NOT NULL, created_at INTEGER NOT NULL, payload BLOB NOT NULL)";
            await create.ExecuteNonQueryAsync();
            foreach (var age in ageMinutes)
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO outbox(stream, created_at, payload) VALUES ('visits', $t, x'00')";
                insert.Parameters.AddWithValue("$t", _time.GetUtcNow().AddMinutes(-age).ToUnixTimeMilliseconds());
                await insert.ExecuteNonQueryAsync();
            }
        }

        var result = await new OutboxBacklogCheck(db, _time).RunAsync(CancellationToken.None);

        Assert.Equal(Enum.Parse<Status>(expected), result.Status);
    }

    [Fact]
    public async Task Outbox_NotAnOutbox_FailNotThrow()
    {
        var db = _dir.File("other.db");
        File.WriteAllText(db, "this is not sqlite at all, just text padding the header out past one hundred bytes .........................");

        var result = await new OutboxBacklogCheck(db, _time).RunAsync(CancellationToken.None);

        Assert.Equal(Status.Fail, result.Status);
    }

    [Fact]
    public async Task Outbox_NoDatabase_Skip()
    {
        Assert.Equal(Status.Skip, (await new OutboxBacklogCheck(null, _time).RunAsync(CancellationToken.None)).Status);
        Assert.Equal(Status.Skip, (await new OutboxBacklogCheck(_dir.File("none.db"), _time).RunAsync(CancellationToken.None)).Status);
    }
}
