using System.Net.Sockets;
using Edge.Hosting.Broker;
using Edge.Hosting.Options;
using Microsoft.Extensions.Options;

namespace Edge.Hosting.Startup;

/// <summary>
/// Turns what can go wrong before a service runs into one sentence a store IT person can act on, and an
/// exit code from sysexits.h that the systemd units use (RestartPreventExitStatus=78: a configuration error
/// does not fix itself by restarting).
/// </summary>
public sealed record StartupFailure(string Message, int ExitCode)
{
    public const int Software = 70;
    public const int Unavailable = 69;
    public const int Config = 78;

    public static StartupFailure From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var ex = Unwrap(exception);
        return ex switch
        {
            EdgeConfigurationException c => new($"configuration error: {c.Message}", Config),
            OptionsValidationException v => new($"configuration error: {string.Join("; ", v.Failures)}", Config),
            InvalidOperationException i when i.Message.Contains("configuration value", StringComparison.OrdinalIgnoreCase)
                => new($"configuration error: {i.Message}", Config),
            BrokerUnavailableException b => new(b.Message, Unavailable),
            DllNotFoundException d => new($"a native library is missing: {d.Message} Run scripts/setup.sh (./edge setup) to install it.", Unavailable),
            BadImageFormatException f => new($"a native library is of the wrong architecture: {f.Message} Run scripts/setup.sh for this machine.", Unavailable),
            IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } } io
                => new($"{io.Message} Another process holds the port: stop it or change the URL in configuration.", Unavailable),
            UnauthorizedAccessException u => new($"permission denied: {u.Message}", Unavailable),
            _ => new($"unexpected {ex.GetType().Name}: {ex.Message}", Software),
        };
    }

    private static Exception Unwrap(Exception ex)
    {
        while (ex is AggregateException { InnerExceptions.Count: 1 } or System.Reflection.TargetInvocationException && ex.InnerException is not null)
        {
            ex = ex.InnerException!;
        }

        // Options factories wrap binder errors.
        if (ex.InnerException is EdgeConfigurationException inner)
        {
            return inner;
        }

        return ex;
    }
}
