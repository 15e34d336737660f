using System.CommandLine;
using Edge.Provisioning.Backup;
using Edge.Provisioning.Claim;
using Edge.Provisioning.Devices;
using Edge.Provisioning.Doctor;
using Edge.Provisioning.Identity;
using Edge.Provisioning.Models;
using Edge.Provisioning.Tokens;
using Edge.Provisioning.Zones;

namespace Edge.Provisioning.Cli;

/// <summary>The one place the feature commands are put on the root command.</summary>
internal static class ProvisioningCommands
{
    public static void AddTo(RootCommand root, ProvisioningServices services)
    {
        var globals = new GlobalOptions();
        globals.AddTo(root);
        root.Subcommands.Add(InitCommand.Create(globals, services));
        root.Subcommands.Add(ClaimCommand.Create(globals, services));
        root.Subcommands.Add(DevicesCommand.Create(globals, services));
        root.Subcommands.Add(ZonesCommand.Create(globals, services));
        root.Subcommands.Add(TokensCommand.Create(globals, services));
        root.Subcommands.Add(ModelCommand.Create(globals, services));
        root.Subcommands.Add(DoctorCommand.Create(globals, services));
        root.Subcommands.Add(BackupCommands.CreateBackup(globals, services));
        root.Subcommands.Add(BackupCommands.CreateRestore(globals, services));
        root.Subcommands.Add(FactoryResetCommand.Create(globals, services));
    }
}
