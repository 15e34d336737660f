using System.CommandLine;
using System.Globalization;
using Edge.Provisioning.Cli;
using Edge.Provisioning.Identity;

namespace Edge.Provisioning.Devices;

/// <summary>devices add|list|remove: each device its own broker user, password and ACL.</summary>
internal static class DevicesCommand
{
    public const string BrokerUrlVariable = "EDGE_BROKER_URL";

    public static Command Create(GlobalOptions globals, ProvisioningServices services)
    {
        var command = new Command("devices", "Add, list and remove kiosks, screens, scanners, beacons and wearables on the hub's broker.");
        command.Subcommands.Add(CreateAdd(globals, services));
        command.Subcommands.Add(CreateList(globals, services));
        command.Subcommands.Add(CreateRemove(globals, services));
        return command;
    }

    private static Option<bool> NoReload() => new("--no-reload") { Description = "Write the files but do not signal the broker (it picks them up at its next start)." };

    private static Command CreateAdd(GlobalOptions globals, ProvisioningServices services)
    {
        var kind = new Argument<DeviceKind>("kind") { Description = "kiosk, screen, scanner, beacon or wearable." };
        var id = new Argument<string>("id") { Description = "The device id, also its broker user name (e.g. kiosk-1)." };
        var clerk = new Option<string?>("--clerk") { Description = "For a wearable: the clerk whose alerts it shows." };
        var brokerUrl = new Option<string?>("--broker-url") { Description = $"The broker address devices use, for the pairing QR (env {BrokerUrlVariable})." };
        var noReload = NoReload();
        var add = new Command("add", "Add a device: broker credentials, ACL, and a pairing QR for wearables and kiosks.") { kind, id, clerk, brokerUrl, noReload };
        CommandActions.Set(add, globals, services, (ctx, _) => Task.FromResult(Add(
            ctx,
            ctx.Value(kind),
            Identifiers.Require(ctx.Value(id), "device id"),
            ctx.Value(clerk),
            ctx.Value(brokerUrl) ?? services.Environment(BrokerUrlVariable) ?? $"mqtt://{Environment.MachineName.ToLowerInvariant()}.local:1883",
            !ctx.Value(noReload))));
        return add;
    }

    private static int Add(CommandContext ctx, DeviceKind kind, string id, string? clerk, string brokerUrl, bool reload)
    {
        if (kind == DeviceKind.Wearable)
        {
            clerk = Identifiers.Require(clerk, "clerk id (--clerk, required for a wearable)");
        }
        else if (clerk is not null)
        {
            throw new CliException("--clerk only applies to a wearable", ExitCodes.Usage);
        }

        var devices = DeviceRegistry.Load(ctx.Paths);
        if (devices.FirstOrDefault(d => d.Id == id) is { } existing)
        {
            throw new CliException($"device '{id}' already exists ({existing.Kind.ToString().ToLowerInvariant()}); remove it first or choose another id", ExitCodes.DataError);
        }

        if (MosquittoPasswordFile.Load(ctx.Paths.MosquittoPasswordFile).Users.Contains(id))
        {
            throw new CliException($"'{id}' is already a broker user (a service?); choose another device id", ExitCodes.DataError);
        }

        var password = MosquittoPasswordHash.NewPassword();
        var device = new DeviceRecord(id, kind, clerk, MosquittoPasswordHash.Create(password), ctx.Time.GetUtcNow());
        devices.Add(device);
        var reloadNote = DeviceChange.Apply(ctx, devices, [], reload);

        var pairing = kind is DeviceKind.Wearable or DeviceKind.Kiosk ? PairingPayload(device, password, brokerUrl, ctx) : null;
        var output = ctx.Output;
        if (output.Json)
        {
            output.WriteJson(new DeviceAddResult(id, kind, clerk, id, password, pairing, reload && reloadNote is null, reloadNote), ProvisioningJsonContext.Default.DeviceAddResult);
        }
        else
        {
            output.Success($"Added {kind.ToString().ToLowerInvariant()} {id}" + (clerk is null ? "." : $" for clerk {clerk}."));
            output.Line($"Broker user: {id}");
            output.Line($"Password:    {password}   (shown once; `devices remove` then `add` to replace it)");
            if (pairing is not null)
            {
                output.Line("Pair the device by scanning:");
                output.Qr(pairing);
            }

            if (reload && reloadNote is null)
            {
                output.Line("Broker reloaded: the device can connect now.");
            }
        }

        if (reloadNote is not null)
        {
            output.Warn(reloadNote + "; run `systemctl reload mosquitto`");
            return ExitCodes.Warning;
        }

        return ExitCodes.Ok;
    }

    private static string PairingPayload(DeviceRecord device, string password, string brokerUrl, CommandContext ctx)
    {
        var store = HubIdentityFiles.ReadHubInfo(ctx.Paths)?.StoreId;
        var query = new List<string>
        {
            "kind=" + device.Kind.ToString().ToLowerInvariant(),
            "id=" + device.Id,
            "broker=" + Uri.EscapeDataString(brokerUrl),
            "user=" + device.Id,
            "password=" + Uri.EscapeDataString(password),
        };
        if (device.ClerkId is not null)
        {
            query.Add("clerk=" + device.ClerkId);
        }

        if (store is not null)
        {
            query.Add("store=" + store);
        }

        return "store-edge://pair?" + string.Join('&', query);
    }

    private static Command CreateList(GlobalOptions globals, ProvisioningServices services)
    {
        var list = new Command("list", "List the devices and what each may publish and read.");
        CommandActions.Set(list, globals, services, (ctx, _) =>
        {
            var devices = DeviceRegistry.Load(ctx.Paths);
            var items = devices.Select(d => new DeviceListItem(d.Id, d.Kind, d.ClerkId, d.AddedAt, [.. DeviceAcl.RulesFor(d).Select(r => $"{r.Access} {r.Topic}")])).ToList();
            if (ctx.Output.Json)
            {
                ctx.Output.WriteJson(items, ProvisioningJsonContext.Default.ListDeviceListItem);
            }
            else if (items.Count == 0)
            {
                ctx.Output.Line("No devices yet: add one with `edge-provision devices add <kind> <id>`.");
            }
            else
            {
                ctx.Output.Table(
                    ["ID", "KIND", "CLERK", "ADDED (UTC)", "MAY"],
                    items.Select(i => (IReadOnlyList<string>)
                    [
                        i.Id,
                        i.Kind.ToString().ToLowerInvariant(),
                        i.ClerkId ?? "-",
                        i.AddedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                        string.Join("; ", i.Acl),
                    ]));
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return list;
    }

    private static Command CreateRemove(GlobalOptions globals, ProvisioningServices services)
    {
        var id = new Argument<string>("id") { Description = "The device to remove." };
        var noReload = NoReload();
        var remove = new Command("remove", "Remove a device: its broker user and ACL go, and the broker is reloaded.") { id, noReload };
        CommandActions.Set(remove, globals, services, (ctx, _) =>
        {
            var deviceId = ctx.Value(id);
            var devices = DeviceRegistry.Load(ctx.Paths);
            var device = devices.FirstOrDefault(d => d.Id == deviceId)
                ?? throw new CliException($"no device '{deviceId}'; `edge-provision devices list` shows them", ExitCodes.DataError);
            devices.Remove(device);
            var reload = !ctx.Value(noReload);
            var note = DeviceChange.Apply(ctx, devices, [device.Id], reload);
            ctx.Output.Success($"Removed {device.Kind.ToString().ToLowerInvariant()} {device.Id}.");
            if (note is not null)
            {
                ctx.Output.Warn(note + "; run `systemctl reload mosquitto`");
                return Task.FromResult(ExitCodes.Warning);
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return remove;
    }
}
