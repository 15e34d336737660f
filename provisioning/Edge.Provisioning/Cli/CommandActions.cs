using System.CommandLine;
using System.Security.Cryptography;
using Edge.Provisioning.Output;

namespace Edge.Provisioning.Cli;

/// <summary>
/// Wires a command to its handler so that every failure store IT can act on ends as one line on stderr and an
/// exit code: never a stack trace, never a half-written file (handlers write through AtomicFile).
/// </summary>
internal static class CommandActions
{
    public static void Set(Command command, GlobalOptions globals, ProvisioningServices services, Func<CommandContext, CancellationToken, Task<int>> handler)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var paths = globals.Paths.Resolve(parse, services.Environment);
                var json = parse.GetValue(globals.Json);
                var cli = new CliOutput(output, error, services.IsTerminal(output), json);
                return await handler(new CommandContext(parse, paths, cli, services), cancellationToken).ConfigureAwait(false);
            }
            catch (CliException ex)
            {
                return Fail(error, ex.Message, ex.ExitCode);
            }
            catch (UnauthorizedAccessException ex)
            {
                return Fail(error, "permission denied: " + ex.Message + " (run as root or point the paths elsewhere)", ExitCodes.CantCreate);
            }
            catch (IOException ex)
            {
                return Fail(error, ex.Message, ExitCodes.CantCreate);
            }
            catch (CryptographicException ex)
            {
                return Fail(error, "cryptography failed: " + ex.Message, ExitCodes.Failure);
            }
        });
    }

    private static int Fail(TextWriter error, string message, int code)
    {
        error.WriteLine("edge-provision: " + message);
        return code;
    }

    /// <summary>Exit code for a set of verdicts: the worst one decides.</summary>
    public static int ExitCodeFor(Status worst) => worst switch
    {
        Status.Fail => ExitCodes.Failure,
        Status.Warn => ExitCodes.Warning,
        _ => ExitCodes.Ok,
    };
}
