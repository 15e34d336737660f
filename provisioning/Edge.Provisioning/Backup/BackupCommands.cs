using System.CommandLine;
using Edge.Provisioning.Cli;
using Edge.Provisioning.Devices;
using Edge.Provisioning.IO;

namespace Edge.Provisioning.Backup;

/// <summary>backup, restore: the hub's configuration and identity in one passphrase-encrypted file.</summary>
internal static class BackupCommands
{
    public static Command CreateBackup(GlobalOptions globals, ProvisioningServices services)
    {
        var file = new Argument<FileInfo>("file") { Description = "Where to write the encrypted backup." };
        var passphraseFile = PassphraseFileOption();
        var force = new Option<bool>("--force") { Description = "Overwrite an existing backup file." };
        var command = new Command("backup", "Write the hub's configuration and identity to an encrypted file (AES-256-GCM, passphrase).") { file, passphraseFile, force };
        CommandActions.Set(command, globals, services, (ctx, _) =>
        {
            var target = ctx.Value(file);
            if (target.Exists && !ctx.Value(force))
            {
                throw new CliException($"{target.FullName} exists; use --force to overwrite it", ExitCodes.CantCreate);
            }

            var entries = BackupLayout.Files(ctx.Paths)
                .Select(f => new BackupEntry(f.Name, File.GetUnixFileMode(f.Path), File.ReadAllBytes(f.Path)))
                .ToList();
            if (entries.Count == 0)
            {
                throw new CliException($"nothing to back up: {ctx.Paths.ConfigDir} is empty (run init first)", ExitCodes.Config);
            }

            var passphrase = Passphrase.Read(ctx, ctx.Value(passphraseFile), confirm: true);
            var envelope = BackupCrypto.Encrypt(BackupArchive.Pack(entries), passphrase, services.BackupKdfIterations);
            AtomicFile.WriteAllBytes(target.FullName, envelope, AtomicFile.OwnerOnly);
            ctx.Output.Success($"Backed up {entries.Count} files to {target.FullName}. Keep the passphrase apart from the file.");
            foreach (var entry in entries)
            {
                ctx.Output.Line("  " + entry.Name);
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    public static Command CreateRestore(GlobalOptions globals, ProvisioningServices services)
    {
        var file = new Argument<FileInfo>("file") { Description = "A backup written by `edge-provision backup`." };
        var passphraseFile = PassphraseFileOption();
        var noReload = new Option<bool>("--no-reload") { Description = "Do not signal the broker after restoring its files." };
        var command = new Command("restore", "Restore configuration and identity from an encrypted backup (all files or none).") { file, passphraseFile, noReload };
        CommandActions.Set(command, globals, services, (ctx, _) =>
        {
            var source = ctx.Value(file);
            if (!source.Exists)
            {
                throw new CliException($"{source.FullName} does not exist", ExitCodes.Usage);
            }

            var passphrase = Passphrase.Read(ctx, ctx.Value(passphraseFile), confirm: false);
            // Everything is decrypted, authenticated and mapped before the first file is touched.
            var entries = BackupArchive.Unpack(BackupCrypto.Decrypt(File.ReadAllBytes(source.FullName), passphrase));
            var targets = entries.Select(e => (Entry: e, Target: BackupLayout.Target(ctx.Paths, e.Name)
                ?? throw new CliException($"the backup holds '{e.Name}', which this version does not restore; nothing was restored", ExitCodes.DataError))).ToList();

            using (var transaction = new FileTransaction())
            {
                foreach (var (entry, target) in targets)
                {
                    transaction.Add(target, entry.Content, entry.Mode);
                }

                transaction.Commit();
            }

            ctx.Output.Success($"Restored {targets.Count} files from {source.FullName}.");
            if (!ctx.Value(noReload) && targets.Any(t => t.Entry.Name.StartsWith("broker/", StringComparison.Ordinal))
                && BrokerReloader.Reload(ctx.Paths.BrokerPidFile, ctx.Services.Signals) is { } note)
            {
                ctx.Output.Warn(note + "; run `systemctl reload mosquitto`");
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Option<FileInfo?> PassphraseFileOption() =>
        new("--passphrase-file") { Description = $"Read the passphrase from this file (else ${Passphrase.Variable}, else typed)." };
}
