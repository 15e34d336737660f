using System.CommandLine;
using Edge.Provisioning.Cli;
using Edge.Provisioning.Output;

namespace Edge.Provisioning.Doctor;

/// <summary>
/// doctor: every check, one row each with OK/WARN/FAIL/SKIP and what to do; exit 0 when all OK, 3 on a WARN,
/// 1 on a FAIL. Checks run one after another, so the table reads in a stable order and a slow probe is obvious.
/// </summary>
internal static class DoctorCommand
{
    public const string CloudVariable = "EDGE_CLOUD_ENDPOINT";

    public static Command Create(GlobalOptions globals, ProvisioningServices services)
    {
        var defaults = new DoctorSettings();
        var service = new Option<string[]>("--service") { Description = "A systemd unit to check (repeatable; default the Store Edge services and mosquitto).", AllowMultipleArgumentsPerToken = true };
        var health = new Option<string[]>("--health") { Description = "name=url of a /healthz endpoint (repeatable).", AllowMultipleArgumentsPerToken = true };
        var broker = new Option<string?>("--broker") { Description = $"host:port of the local broker (default {defaults.BrokerHost}:{defaults.BrokerPort})." };
        var cloud = new Option<string?>("--cloud") { Description = $"host:port of the cloud broker (env {CloudVariable})." };
        var bluetooth = new Option<string?>("--bluetooth-sysfs") { Description = "Where Bluetooth adapters appear (default /sys/class/bluetooth)." };
        var rfkill = new Option<string?>("--rfkill-sysfs") { Description = "rfkill switches (default /sys/class/rfkill)." };
        var timesync = new Option<string?>("--timesync-flag") { Description = "systemd-timesyncd's synchronised flag file." };
        var model = new Option<string?>("--model-version-file") { Description = "The installed model's version file (default <state-dir>/models/VERSION)." };
        var outbox = new Option<string?>("--outbox-db") { Description = "cloud-sync's outbox SQLite file (default <state-dir>/cloud-sync/outbox.db)." };
        var timeout = new Option<int>("--timeout-seconds") { Description = "Per-probe timeout.", DefaultValueFactory = _ => (int)defaults.Timeout.TotalSeconds };

        var command = new Command("doctor", "Check the hub and say what to do: services, health, broker, Bluetooth, clock, disk, certificate, cloud, model, outbox.")
        {
            service, health, broker, cloud, bluetooth, rfkill, timesync, model, outbox, timeout,
        };
        CommandActions.Set(command, globals, services, async (ctx, cancellationToken) =>
        {
            var (brokerHost, brokerPort) = ParseHostPort(ctx.Value(broker), defaults.BrokerHost, defaults.BrokerPort);
            var settings = defaults with
            {
                Services = ctx.Value(service) is { Length: > 0 } units ? units : defaults.Services,
                HealthEndpoints = ctx.Value(health) is { Length: > 0 } h ? [.. h.Select(ParseHealth)] : defaults.HealthEndpoints,
                BrokerHost = brokerHost,
                BrokerPort = brokerPort,
                CloudEndpoint = ctx.Value(cloud) ?? services.Environment(CloudVariable),
                BluetoothSysfs = ctx.Value(bluetooth) ?? defaults.BluetoothSysfs,
                RfkillSysfs = ctx.Value(rfkill) ?? defaults.RfkillSysfs,
                TimesyncFlag = ctx.Value(timesync) ?? defaults.TimesyncFlag,
                ModelVersionFile = ctx.Value(model),
                OutboxDatabase = ctx.Value(outbox),
                Timeout = TimeSpan.FromSeconds(Math.Clamp(ctx.Value(timeout), 1, 60)),
            };
            return await RunAsync(ctx, settings, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(CommandContext ctx, DoctorSettings settings, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = settings.Timeout };
        var doctorContext = new DoctorContext(ctx.Paths, settings, ctx.Time, ctx.Services.Processes);
        var checks = ctx.Services.DoctorChecks?.Invoke(doctorContext) ?? DefaultDoctorChecks.Create(doctorContext, http);

        var results = new List<CheckResult>();
        foreach (var check in checks)
        {
            results.Add(await check.RunAsync(cancellationToken).ConfigureAwait(false));
        }

        var worst = results.Count == 0 ? Status.Ok : results.Max(r => r.Status);
        if (ctx.Output.Json)
        {
            ctx.Output.WriteJson(new DoctorReport(worst, results), ProvisioningJsonContext.Default.DoctorReport);
        }
        else
        {
            ctx.Output.Table(
                ["CHECK", "STATUS", "DETAIL", "WHAT TO DO"],
                results.Select(r => (IReadOnlyList<string>)[r.Check, r.Status.ToString().ToUpperInvariant(), r.Detail, r.Action ?? string.Empty]),
                row => Enum.Parse<Status>(row[1], ignoreCase: true));
            var counts = string.Join(", ", results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToUpperInvariant()}"));
            ctx.Output.Line($"{counts}. Exit code {CommandActions.ExitCodeFor(worst)}.");
        }

        return CommandActions.ExitCodeFor(worst);
    }

    private static KeyValuePair<string, Uri> ParseHealth(string value)
    {
        var eq = value.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || !Uri.TryCreate(value[(eq + 1)..], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new CliException($"--health '{value}' is not name=http://host:port/healthz", ExitCodes.Usage);
        }

        return new(value[..eq], url);
    }

    private static (string Host, int Port) ParseHostPort(string? value, string defaultHost, int defaultPort)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (defaultHost, defaultPort);
        }

        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new CliException($"--broker '{value}' is not host:port", ExitCodes.Usage);
        }

        return (value[..colon], port);
    }
}
