using Microsoft.Extensions.Configuration;
using System.ComponentModel.DataAnnotations;
using Edge.Hosting.Options;
using Edge.Hosting.Startup;
using Edge.TestKit;
using Microsoft.Extensions.Hosting;

namespace Edge.Hosting.Tests;

/// <summary>
/// Bad inputs tried: a value that does not convert, an unknown key in a section, a value that fails
/// validation (a number, a TimeSpan), a log level that does not exist, an unknown command-line option, a missing
/// store id, a missing broker, a missing native library.
/// Each must end as one line naming what to fix, with a sysexits code, and no stack trace.
/// </summary>
public sealed class EdgeServiceTests
{
    [Fact]
    public async Task RunAsync_ValueThatDoesNotConvert_Exits78NamingTheKey()
    {
        var (code, error) = await RunAsync(new() { ["Sample:Port"] = "eighty" });

        Assert.Equal(StartupFailure.Config, code);
        Assert.Contains("'Sample:Port'", error, StringComparison.Ordinal);
        AssertOneLine(error);
    }

    [Fact]
    public async Task RunAsync_UnknownKeyInSection_Exits78NamingTheKey()
    {
        var (code, error) = await RunAsync(new() { ["Sample:Prot"] = "80" });

        Assert.Equal(StartupFailure.Config, code);
        Assert.Contains("Sample:Prot is not a setting of Sample", error, StringComparison.Ordinal);
        AssertOneLine(error);
    }

    [Fact]
    public async Task RunAsync_ValueOutOfRange_Exits78NamingTheKey()
    {
        var (code, error) = await RunAsync(new() { ["Sample:Port"] = "70000" });

        Assert.Equal(StartupFailure.Config, code);
        Assert.Contains("Sample:Port:", error, StringComparison.Ordinal);
        AssertOneLine(error);
    }

    [Fact]
    public async Task RunAsync_TimeSpanOutOfRange_Exits78NamingTheKey()
    {
        var (code, error) = await RunAsync(new() { ["Edge:Host:ShutdownTimeout"] = "00:05:00" });

        Assert.Equal(StartupFailure.Config, code);
        Assert.Contains("Edge:Host:ShutdownTimeout: The field ShutdownTimeout must be between 00:00:00.1000000 and 00:01:00.", error, StringComparison.Ordinal);
        AssertOneLine(error);
    }

    [Fact]
    public async Task RunAsync_BadSerilogLevel_Exits78NamingTheKey()
    {
        var (code, error) = await RunAsync(new() { ["Serilog:MinimumLevel:Default"] = "Loud" });

        Assert.Equal(StartupFailure.Config, code);
        Assert.Contains("Serilog:MinimumLevel:Default: 'Loud' is not a log level", error, StringComparison.Ordinal);
        AssertOneLine(error);
    }

    [Fact]
    public async Task RunAsync_BindingGivenByTheCaller_UnknownKeyStillNamed()
    {
        var error = new StringWriter();
        var code = await EdgeService.RunAsync("sample", [], a =>
        {
            var builder = TestHosts.Builder(new Dictionary<string, string?> { ["Sample:Prot"] = "80" }, args: a);
            builder.AddEdgeHostDefaults("sample", usesLocalBroker: false);
            builder.AddEdgeOptions<SampleOptions>("Sample", static (c, o) => c.Bind(o));
            return builder.Build();
        }, error, CancellationToken.None);

        Assert.Equal(StartupFailure.Config, code);
        Assert.Contains("Sample:Prot is not a setting of Sample (known: Port)", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingStoreId_Exits78NamingTheKey()
    {
        var (code, error) = await RunAsync(new() { ["Edge:Store:StoreId"] = "" });

        Assert.Equal(StartupFailure.Config, code);
        Assert.Contains("Edge:Store:StoreId: is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownCommandLineOption_Exits78NamingIt()
    {
        var (code, error) = await RunAsync([], args: ["--verbose-mode", "true"]);

        Assert.Equal(StartupFailure.Config, code);
        Assert.Contains("unknown option '--verbose-mode'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_KnownCommandLineOption_IsAccepted()
    {
        using var cts = new CancellationTokenSource();
        var error = new StringWriter();
        var builder = TestHosts.Builder(new Dictionary<string, string?>(), args: ["--Sample:Port=81"]);
        builder.AddEdgeHostDefaults("sample", usesLocalBroker: false);
        builder.AddEdgeOptions<SampleOptions>("Sample");
        using var host = builder.Build();

        // Build succeeded and the guard accepted the option: stop right after start.
        var lifetime = (IHostApplicationLifetime)host.Services.GetService(typeof(IHostApplicationLifetime))!;
        lifetime.ApplicationStarted.Register(cts.Cancel);
        var code = await EdgeService.RunAsync("sample", ["--Sample:Port=81"], _ => host, error, cts.Token);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public async Task RunAsync_BrokerMissing_Exits69NamingEndpointAndFix()
    {
        var port = FreePort.Next();
        var (code, error) = await RunAsync(
            new() { ["Edge:Broker:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Edge:Broker:StartupTimeout"] = "00:00:00" },
            usesBroker: true);

        Assert.Equal(StartupFailure.Unavailable, code);
        Assert.Contains($"127.0.0.1:{port} is not reachable", error, StringComparison.Ordinal);
        Assert.Contains("Start it", error, StringComparison.Ordinal);
        AssertOneLine(error);
    }

    [RequiresMosquittoFact]
    public async Task RunAsync_BrokerPresent_Starts()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var cts = new CancellationTokenSource();
        var error = new StringWriter();

        var code = await EdgeService.RunAsync("sample", [], _ =>
        {
            var builder = TestHosts.Builder(new Dictionary<string, string?> { ["Edge:Broker:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            builder.AddEdgeHostDefaults("sample", usesLocalBroker: true);
            var host = builder.Build();
            ((IHostApplicationLifetime)host.Services.GetService(typeof(IHostApplicationLifetime))!).ApplicationStarted.Register(cts.Cancel);
            return host;
        }, error, cts.Token);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public void From_MissingNativeLibrary_SaysHowToInstall()
    {
        var failure = StartupFailure.From(new DllNotFoundException("Unable to load shared library 'libmosquitto.so.1'"));

        Assert.Equal(StartupFailure.Unavailable, failure.ExitCode);
        Assert.Contains("libmosquitto.so.1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/setup.sh", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEdgeHostDefaults_ConfigDirectory_ReadsStoreJsonBelowEnvironment()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("store.json"), """{ "Edge": { "Store": { "StoreId": "from-file", "HubId": "hub-9" } } }""");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["EDGE_CONFIG_DIR"] = dir.Path });
        builder.Configuration.AddEnvironmentVariables("EDGE_TEST_UNUSED_");

        builder.AddEdgeHostDefaults("sample", usesLocalBroker: false);

        Assert.Equal("from-file", builder.Configuration["Edge:Store:StoreId"]);
        Assert.Equal("hub-9", builder.Configuration["Edge:Store:HubId"]);
    }

    [Fact]
    public async Task AddEdgeHostDefaults_RealDefaults_StoreJsonOverridesTheAppsAppsettings()
    {
        // The default builder has two environment sources: DOTNET_-prefixed (host settings, before appsettings.json)
        // and the plain one after it. The hub's files must land after appsettings.json, or a service's shipped
        // defaults (HubId "dev-hub") would silently win over what provisioning wrote (found by the demo).
        using var contentRoot = new TempDirectory();
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(contentRoot.File("appsettings.json"), """{ "Edge": { "Store": { "StoreId": "dev-store", "HubId": "dev-hub" } } }""");
        await File.WriteAllTextAsync(dir.File("store.json"), """{ "Edge": { "Store": { "StoreId": "s042", "HubId": "hub-9" } } }""");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot.Path, Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["EDGE_CONFIG_DIR"] = dir.Path });

        builder.AddEdgeHostDefaults("sample", usesLocalBroker: false);

        Assert.Equal("s042", builder.Configuration["Edge:Store:StoreId"]);
        Assert.Equal("hub-9", builder.Configuration["Edge:Store:HubId"]);
    }

    private static async Task<(int Code, string Error)> RunAsync(Dictionary<string, string?> settings, bool usesBroker = false, string[]? args = null)
    {
        var error = new StringWriter();
        var code = await EdgeService.RunAsync("sample", args ?? [], a =>
        {
            var builder = TestHosts.Builder(settings, args: a);
            builder.AddEdgeHostDefaults("sample", usesLocalBroker: usesBroker);
            builder.AddEdgeOptions<SampleOptions>("Sample");
            return builder.Build();
        }, error, CancellationToken.None);
        return (code, error.ToString());
    }

    private static void AssertOneLine(string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("sample: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    internal sealed class SampleOptions
    {
        [Range(1, 65535)]
        public int Port { get; set; } = 80;
    }
}
