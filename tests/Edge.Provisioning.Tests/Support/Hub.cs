using Edge.Provisioning.Cli;
using Edge.TestKit;

namespace Edge.Provisioning.Tests.Support;

/// <summary>
/// A hub in temporary folders: config dir for /etc/store-edge, state dir for /var/lib/store-edge, the broker's
/// files under config. Runs the real command tree with the paths passed as options, like store IT would.
/// </summary>
internal sealed class Hub : IDisposable
{
    private readonly TempDirectory _root = new("edge-provision");

    public Hub()
    {
        ConfigDir = _root.Sub("etc");
        StateDir = _root.Sub("var-lib");
        BrokerPidFile = _root.File("mosquitto.pid");
    }

    public FakeTimeProvider Time { get; } = new();

    public FakeOwnership Ownership { get; } = new();

    public RecordingSignalSender Signals { get; } = new();

    public string Root => _root.Path;

    public string ConfigDir { get; }

    public string StateDir { get; }

    public string PasswordFile => Path.Combine(ConfigDir, "mosquitto", "passwd");

    public string AclFile => Path.Combine(ConfigDir, "mosquitto", "acl");

    public string BrokerPidFile { get; }

    public string ZonesFile => Path.Combine(ConfigDir, "zones.json");

    public string Input { get; set; } = string.Empty;

    public Func<ProvisioningServices, ProvisioningServices>? Customize { get; set; }

    public string File(string name) => _root.File(name);

    public Task<CliRun> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    public async Task<CliRun> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var services = new ProvisioningServices
        {
            Time = Time,
            Environment = _ => null,
            Input = new StringReader(Input),
            IsTerminal = _ => false,
            Ownership = Ownership,
            Signals = Signals,
            BackupKdfIterations = 10_000, // the format's minimum is 1 000; production uses 600 000
        };
        services = Customize?.Invoke(services) ?? services;

        var root = new System.CommandLine.RootCommand("edge-provision test");
        ProvisioningCommands.AddTo(root, services);
        string[] all =
        [
            .. args,
            "--config-dir", ConfigDir,
            "--state-dir", StateDir,
            "--broker-pid-file", BrokerPidFile,
        ];
        var config = new System.CommandLine.InvocationConfiguration { Output = output, Error = error };
        var code = await root.Parse(all).InvokeAsync(config, cancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Every file under the hub's folders with its content, to prove a failed command wrote nothing.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Root, f), f => Convert.ToBase64String(System.IO.File.ReadAllBytes(f)));

    public void Dispose() => _root.Dispose();
}
