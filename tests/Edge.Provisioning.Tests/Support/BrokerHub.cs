using System.Text.Json;
using Edge.Provisioning.Devices;
using Edge.TestKit;

namespace Edge.Provisioning.Tests.Support;

/// <summary>
/// A hub whose real mosquitto reads the password and ACL files edge-provision writes. An "admin" user (as a
/// service would be, written by deploy rather than by this tool) may do everything, to publish alerts and watch.
/// </summary>
internal sealed class BrokerHub : IAsyncDisposable
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "admin-secret";

    private BrokerHub(Hub hub, MosquittoBroker broker)
    {
        Hub = hub;
        Broker = broker;
    }

    public Hub Hub { get; }

    public MosquittoBroker Broker { get; }

    public int Port => Broker.Port;

    public static async Task<BrokerHub> StartAsync()
    {
        var hub = new Hub();
        Directory.CreateDirectory(Path.GetDirectoryName(hub.PasswordFile)!);
        File.WriteAllText(hub.PasswordFile, $"{AdminUser}:{MosquittoPasswordHash.Create(AdminPassword)}\n");
        File.WriteAllText(hub.AclFile, $"# services (deploy)\nuser {AdminUser}\ntopic readwrite #\n");
        try
        {
            var broker = await MosquittoBroker.StartAsync(
            [
                "allow_anonymous false",
                "password_file " + hub.PasswordFile,
                "acl_file " + hub.AclFile,
            ]);
            File.WriteAllText(hub.BrokerPidFile, broker.ProcessId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new BrokerHub(hub, broker);
        }
        catch
        {
            hub.Dispose();
            throw;
        }
    }

    /// <summary>Runs a command that reloads the broker and returns once mosquitto has re-read its files.</summary>
    public async Task<CliRun> RunAndReloadAsync(params string[] args)
    {
        var before = Broker.LogLines.Count;
        var run = await Hub.RunAsync(args);
        Assert.True(run.ExitCode == 0, run.ToString());
        await Broker.WaitForLogLineAsync("Reloading config.", before, TimeSpan.FromSeconds(15));
        return run;
    }

    /// <summary>Adds a device and returns its password.</summary>
    public async Task<string> AddDeviceAsync(params string[] args)
    {
        var run = await RunAndReloadAsync([.. args, "--json"]);
        using var doc = JsonDocument.Parse(run.Output);
        return doc.RootElement.GetProperty("password").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await Broker.DisposeAsync();
        Hub.Dispose();
    }
}
