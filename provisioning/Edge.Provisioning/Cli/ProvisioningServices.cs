using Edge.Provisioning.Doctor;
using Edge.Provisioning.Identity;
using Edge.Provisioning.Paths;
using Edge.Provisioning.Platform;

namespace Edge.Provisioning.Cli;

/// <summary>
/// The seams between the commands and the machine: clock, environment, keyboard, signals, file ownership,
/// system tools and the doctor's probes. Production uses the defaults; tests replace what they must control.
/// </summary>
internal sealed record ProvisioningServices
{
    public required TimeProvider Time { get; init; }

    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public TextReader Input { get; init; } = Console.In;

    /// <summary>Whether stdout is a terminal (Spectre.Console colour and tables) or redirected (plain text).</summary>
    public Func<TextWriter, bool> IsTerminal { get; init; } = writer => ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;

    public ISignalSender Signals { get; init; } = new UnixSignalSender();

    public IFileOwnership Ownership { get; init; } = new UnixFileOwnership();

    public IProcessRunner Processes { get; init; } = new SystemProcessRunner();

    /// <summary>Where the hub's private key lives: a file today, a TPM-backed store later (same interface).</summary>
    public Func<EdgePaths, IHubKeyStore>? KeyStore { get; init; }

    /// <summary>Replaces doctor's checks for one run (tests hand in checks whose probes they control); null = the real ones.</summary>
    public Func<DoctorContext, IReadOnlyList<IDoctorCheck>>? DoctorChecks { get; init; }

    /// <summary>PBKDF2 iterations for new backups; tests lower it to stay fast (restore reads it from the file).</summary>
    public int BackupKdfIterations { get; init; } = Backup.BackupCrypto.DefaultIterations;

    /// <summary>The MQTT client for claim (Edge.Messaging over libmosquitto); null = the real one on <see cref="Time"/>.</summary>
    public Func<Edge.Messaging.MqttClientOptions, Edge.Messaging.IMqttClient>? MqttClients { get; init; }

    /// <summary>The HTTP handler for edge-agent's local API (model promote); null = a real socket to the configured URL.</summary>
    public Func<HttpMessageHandler>? AgentHandler { get; init; }

    public Edge.Messaging.IMqttClient CreateMqttClient(Edge.Messaging.MqttClientOptions options) =>
        MqttClients?.Invoke(options) ?? new Edge.Messaging.MqttClientFactory(Time).Create(options);

    public IHubKeyStore CreateKeyStore(EdgePaths paths) => KeyStore?.Invoke(paths) ?? new FileHubKeyStore(paths.HubKeyFile, Ownership);
}
