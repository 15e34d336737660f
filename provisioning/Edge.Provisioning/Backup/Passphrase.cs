using Edge.Provisioning.Cli;

namespace Edge.Provisioning.Backup;

/// <summary>
/// The backup passphrase from --passphrase-file, else $EDGE_BACKUP_PASSPHRASE, else typed (twice for a new backup).
/// Never from a plain command-line option: that would end up in shell history and `ps`.
/// </summary>
internal static class Passphrase
{
    public const string Variable = "EDGE_BACKUP_PASSPHRASE";
    public const int MinimumLength = 8;

    public static string Read(CommandContext ctx, FileInfo? file, bool confirm)
    {
        string? value;
        if (file is not null)
        {
            if (!file.Exists)
            {
                throw new CliException($"passphrase file {file.FullName} does not exist", ExitCodes.Usage);
            }

            value = File.ReadAllText(file.FullName).TrimEnd('\r', '\n');
        }
        else if (ctx.Services.Environment(Variable) is { Length: > 0 } fromEnv)
        {
            value = fromEnv;
        }
        else
        {
            ctx.Parse.InvocationConfiguration.Error.Write("Backup passphrase: ");
            value = ctx.Services.Input.ReadLine();
            if (confirm)
            {
                ctx.Parse.InvocationConfiguration.Error.Write("Again: ");
                if (ctx.Services.Input.ReadLine() != value)
                {
                    throw new CliException("the two passphrases differ; nothing was written", ExitCodes.Usage);
                }
            }
        }

        if (string.IsNullOrEmpty(value) || value.Length < MinimumLength)
        {
            throw new CliException($"the passphrase must have at least {MinimumLength} characters", ExitCodes.Usage);
        }

        return value;
    }
}
