using Edge.Provisioning.Cli;

namespace Edge.Provisioning.Platform;

/// <summary>Asks systemd to restart a service so it reads what a command just wrote.</summary>
internal static class ServiceRestart
{
    /// <summary>
    /// try-restart: restarts the unit if it runs (it then reads its new files), does nothing if it is stopped. On
    /// failure warns with the command store IT can run themselves; the files are written either way.
    /// </summary>
    public static async Task<bool> TryRestartAsync(CommandContext ctx, string unit, CancellationToken cancellationToken)
    {
        var result = await ctx.Services.Processes.RunAsync("systemctl", ["try-restart", unit], TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        if (result is { ExitCode: 0 })
        {
            return true;
        }

        ctx.Output.Warn($"{unit} was not restarted (" + (result is null ? "no systemctl" : result.Error.Split('\n')[0]) + $"); run `systemctl restart {unit}`");
        return false;
    }
}
