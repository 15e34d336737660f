using System.CommandLine;
using System.Globalization;
using Edge.Contracts.Zones;
using Edge.Provisioning.Cli;

namespace Edge.Provisioning.Zones;

/// <summary>zones import|show: the store's zones and receiver placements, validated, handed to beacon-gateway.</summary>
internal static class ZonesCommand
{
    public static Command Create(GlobalOptions globals, ProvisioningServices services)
    {
        var command = new Command("zones", "Import the store's zones and receiver placements (JSON or YAML) and show them.");
        command.Subcommands.Add(CreateImport(globals, services));
        command.Subcommands.Add(CreateShow(globals, services));
        return command;
    }

    private static Command CreateImport(GlobalOptions globals, ProvisioningServices services)
    {
        var file = new Argument<FileInfo>("file") { Description = "zones.yaml or zones.json." };
        var check = new Option<bool>("--check") { Description = "Only validate; change nothing." };
        var noRestart = new Option<bool>("--no-restart") { Description = "Write the file but do not restart beacon-gateway (it reads the zones at start)." };
        var import = new Command("import", "Validate a zones file, write it where beacon-gateway reads it and restart beacon-gateway.") { file, check, noRestart };
        CommandActions.Set(import, globals, services, (ctx, ct) => ImportAsync(ctx, ctx.Value(file), ctx.Value(check), ctx.Value(noRestart), ct));
        return import;
    }

    private static async Task<int> ImportAsync(CommandContext ctx, FileInfo file, bool checkOnly, bool noRestart, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new CliException($"{file.FullName} does not exist", ExitCodes.Usage);
        }

        var content = File.ReadAllText(file.FullName);
        var json = file.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase) || content.TrimStart().StartsWith('{');
        var (zones, errors) = ZoneFileParser.Parse(content, json);
        var name = file.Name;
        if (zones is null)
        {
            var lines = errors.Select(e => e.Format(name)).ToList();
            if (ctx.Output.Json)
            {
                ctx.Output.WriteJson(new ZonesImportResult(file.FullName, false, null, 0, 0, lines), ProvisioningJsonContext.Default.ZonesImportResult);
            }

            // One line for the first problem; the rest are counted, so the fix-and-retry loop stays short.
            var more = errors.Count > 1 ? $" (and {errors.Count - 1} more problem{(errors.Count > 2 ? "s" : string.Empty)})" : string.Empty;
            throw new CliException(lines[0] + more, ExitCodes.DataError);
        }

        var receivers = zones.Zones.Sum(z => z.Receivers.Count);
        if (!checkOnly)
        {
            ZonesFile.Write(ctx.Paths.ZonesFile, zones);

            // beacon-gateway builds its receiver map at start; presence is perishable, so a restart is the push.
            if (!noRestart)
            {
                await Platform.ServiceRestart.TryRestartAsync(ctx, "beacon-gateway", cancellationToken).ConfigureAwait(false);
            }
        }

        if (ctx.Output.Json)
        {
            ctx.Output.WriteJson(new ZonesImportResult(file.FullName, !checkOnly, checkOnly ? null : ctx.Paths.ZonesFile, zones.Zones.Count, receivers, []), ProvisioningJsonContext.Default.ZonesImportResult);
            return ExitCodes.Ok;
        }

        ShowTable(ctx, zones);
        ctx.Output.Success(checkOnly
            ? $"{name} is valid: {zones.Zones.Count} zones, {receivers} receivers (nothing written)."
            : $"{zones.Zones.Count} zones, {receivers} receivers written to {ctx.Paths.ZonesFile} for beacon-gateway.");
        return ExitCodes.Ok;
    }

    private static Command CreateShow(GlobalOptions globals, ProvisioningServices services)
    {
        var show = new Command("show", "Show the zones beacon-gateway uses.");
        CommandActions.Set(show, globals, services, (ctx, _) =>
        {
            var zones = ZonesFile.Read(ctx.Paths.ZonesFile)
                ?? throw new CliException($"no zones yet ({ctx.Paths.ZonesFile} is missing): run `edge-provision zones import <file>`", ExitCodes.Config);
            if (ctx.Output.Json)
            {
                ctx.Output.WriteJson(zones, ZonesJsonContext.Default.StoreZones);
            }
            else
            {
                ShowTable(ctx, zones);
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return show;
    }

    private static void ShowTable(CommandContext ctx, StoreZones zones)
    {
        ctx.Output.Table(
            ["ZONE", "NAME", "RECEIVER", "KIND", "X (m)", "Y (m)", "TX@1m (dBm)"],
            zones.Zones.SelectMany(z => z.Receivers.Select(r => (IReadOnlyList<string>)
            [
                z.Id,
                z.Name,
                r.Id,
                r.Kind.ToString().ToLowerInvariant(),
                r.Position.X.ToString("0.##", CultureInfo.InvariantCulture),
                r.Position.Y.ToString("0.##", CultureInfo.InvariantCulture),
                r.TxPower?.ToString(CultureInfo.InvariantCulture) ?? "default",
            ])));
    }
}
