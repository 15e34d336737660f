using Edge.Hosting.Options;
using Edge.Hosting.Startup;
using Edge.Hosting.Systemd;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Edge.Hosting;

/// <summary>Runs a service host so that nothing reaches a store IT person as a stack trace.</summary>
public static class EdgeService
{
    /// <summary>
    /// Builds the host with <paramref name="build"/>, rejects unknown command-line options, runs until SIGTERM,
    /// and maps every start-up failure to one line on stderr (and STATUS= to systemd) plus an exit code.
    /// </summary>
    public static Task<int> RunAsync(string serviceName, string[] args, Func<string[], IHost> build) =>
        RunAsync(serviceName, args, build, Console.Error, CancellationToken.None);

    public static async Task<int> RunAsync(string serviceName, string[] args, Func<string[], IHost> build, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(error);
        IHost? host = null;
        SystemdEnvironment? systemd = null;
        try
        {
            host = build(args);
            systemd = host.Services.GetService<SystemdEnvironment>();
            CommandLineGuard.Check(args, host.Services.GetRequiredService<EdgeOptionsRegistry>());
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = StartupFailure.From(ex);
            systemd ??= SystemdEnvironment.From(new ConfigurationBuilder().AddEnvironmentVariables().Build());
            var prefix = systemd.UnderSystemd ? "<3>" : string.Empty;
            await error.WriteLineAsync($"{prefix}{serviceName}: {failure.Message}").ConfigureAwait(false);
            if (Environment.GetEnvironmentVariable("EDGE_DEBUG") == "1")
            {
                await error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            }

            SystemdNotifier.TryNotify(systemd, $"STATUS={serviceName} failed: {failure.Message}\nERRNO={failure.ExitCode}");
            return failure.ExitCode;
        }
        finally
        {
            if (host is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                host?.Dispose();
            }
        }
    }
}
