using Edge.Provisioning.Cli;
using Edge.Provisioning.IO;

namespace Edge.Provisioning.Devices;

/// <summary>
/// Applies a new device list to the three files that must agree (registry, broker password file, broker ACL):
/// all three are prepared before any is renamed, then the files are given to mosquitto and the broker reloaded.
/// </summary>
internal static class DeviceChange
{
    public const string BrokerUser = "mosquitto";

    /// <summary>Returns null when the broker reloaded (or reload was not asked for), else the warning to show.</summary>
    public static string? Apply(CommandContext ctx, IReadOnlyList<DeviceRecord> devices, IReadOnlyList<string> removedUsers, bool reload)
    {
        var paths = ctx.Paths;
        var passwords = MosquittoPasswordFile.Load(paths.MosquittoPasswordFile);
        foreach (var user in removedUsers)
        {
            passwords.Remove(user);
        }

        foreach (var device in devices)
        {
            passwords.Set(device.Id, device.PasswordHash);
        }

        var acl = File.Exists(paths.MosquittoAclFile) ? File.ReadAllText(paths.MosquittoAclFile) : null;
        using (var transaction = new FileTransaction())
        {
            transaction.Add(paths.DevicesFile, DeviceRegistry.Serialize(devices), AtomicFile.OwnerOnly);
            transaction.Add(paths.MosquittoPasswordFile, passwords.Render(), AtomicFile.OwnerAndGroupRead);
            transaction.Add(paths.MosquittoAclFile, MosquittoAclFile.Render(acl, devices), AtomicFile.OwnerAndGroupRead);
            transaction.Commit();
        }

        foreach (var file in new[] { paths.MosquittoPasswordFile, paths.MosquittoAclFile })
        {
            // mosquitto drops root before it reads these files (and re-reads them on SIGHUP as that user).
            if (ctx.Services.Ownership.TryGiveTo(file, BrokerUser) is { } note)
            {
                ctx.Output.Warn($"{file}: {note}");
            }
        }

        return reload ? BrokerReloader.Reload(paths.BrokerPidFile, ctx.Services.Signals) : null;
    }
}
