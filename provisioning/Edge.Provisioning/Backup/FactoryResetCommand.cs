using System.CommandLine;
using Edge.Provisioning.Cli;
using Edge.Provisioning.Devices;
using Edge.Provisioning.Identity;
using Edge.Provisioning.Tokens;

namespace Edge.Provisioning.Backup;

/// <summary>
/// factory-reset: forget the hub's identity, devices, claim, zones and edge-agent's API tokens. Asks twice (or --yes). The services'
/// own broker users and ACL lines (from deploy) stay, so the hub still runs, just unprovisioned.
/// </summary>
internal static class FactoryResetCommand
{
    public static Command Create(GlobalOptions globals, ProvisioningServices services)
    {
        var yes = new Option<bool>("--yes") { Description = "Do not ask (for scripts)." };
        var noReload = new Option<bool>("--no-reload") { Description = "Do not signal the broker after removing the devices." };
        var command = new Command("factory-reset", "Erase the hub's identity, devices, claim, zones and API tokens (asks twice).") { yes, noReload };
        CommandActions.Set(command, globals, services, (ctx, _) =>
        {
            var hub = HubIdentityFiles.ReadHubInfo(ctx.Paths);
            if (!ctx.Value(yes))
            {
                var error = ctx.Parse.InvocationConfiguration.Error;
                error.Write($"Erase the identity{(hub is null ? string.Empty : $" of {hub.HubId} (store {hub.StoreId})")}, all devices, zones and API tokens? [y/N] ");
                var first = ctx.Services.Input.ReadLine()?.Trim();
                if (first is not ("y" or "Y" or "yes"))
                {
                    throw new CliException("factory reset cancelled; nothing changed", ExitCodes.Failure);
                }

                error.Write("This cannot be undone without a backup. Type RESET to confirm: ");
                if (ctx.Services.Input.ReadLine()?.Trim() != "RESET")
                {
                    throw new CliException("factory reset cancelled; nothing changed", ExitCodes.Failure);
                }
            }

            // Tokens first: a malformed edge-agent.json stops the reset before anything is erased.
            var tokens = TokensCommand.Erase(ctx.Paths);

            // Devices next (broker users and ACL block go, service users stay), then the identity and the rest.
            var devices = DeviceRegistry.Load(ctx.Paths);
            var note = DeviceChange.Apply(ctx, [], [.. devices.Select(d => d.Id)], reload: !ctx.Value(noReload));
            if (Directory.Exists(ctx.Paths.IdentityDir))
            {
                Directory.Delete(ctx.Paths.IdentityDir, recursive: true);
            }

            foreach (var file in new[] { ctx.Paths.ClaimFile, ctx.Paths.DevicesFile, ctx.Paths.ZonesFile })
            {
                File.Delete(file);
            }

            ctx.Output.Success($"Factory reset done: {devices.Count} device(s) removed, identity, zones and {tokens} API token(s) erased. Run `edge-provision init` to start again.");
            if (note is not null)
            {
                ctx.Output.Warn(note + "; run `systemctl reload mosquitto`");
                return Task.FromResult(ExitCodes.Warning);
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
