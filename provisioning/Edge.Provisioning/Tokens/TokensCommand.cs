using System.Buffers.Text;
using System.CommandLine;
using System.Security.Cryptography;
using Edge.Provisioning.Cli;
using Edge.Provisioning.Paths;

namespace Edge.Provisioning.Tokens;

/// <summary>
/// tokens issue|show: the bearer tokens of edge-agent's local API. issue writes one random token per caller into
/// edge-agent.json and, for kiosk-ui, into kiosk-ui.json too (<see cref="TokenFiles"/>), keeping every other setting
/// of both files, then restarts the services whose token changed (they read their tokens at start). Tokens that exist
/// are kept unless --rotate.
/// </summary>
internal static class TokensCommand
{
    /// <summary>32 random bytes: 256 bits, 43 base64url characters, no spaces (edge-agent refuses short or shared tokens).</summary>
    private const int TokenBytes = 32;

    public static Command Create(GlobalOptions globals, ProvisioningServices services)
    {
        var command = new Command("tokens", "The bearer tokens of edge-agent's local API, one per caller (kiosk, pos, wearable, provisioning).");
        command.Subcommands.Add(CreateIssue(globals, services));
        command.Subcommands.Add(CreateShow(globals, services));
        return command;
    }

    private static Command CreateIssue(GlobalOptions globals, ProvisioningServices services)
    {
        var rotate = new Option<bool>("--rotate") { Description = "Replace every token, also those that exist (a token leaked, or a kiosk was stolen)." };
        var noRestart = new Option<bool>("--no-restart") { Description = "Write the files but do not restart edge-agent and kiosk-ui (they read their tokens at start)." };
        var issue = new Command("issue", "Create the missing tokens (all of them with --rotate) in edge-agent.json and kiosk-ui.json, then restart both.") { rotate, noRestart };
        CommandActions.Set(issue, globals, services, (ctx, ct) => IssueAsync(ctx, ctx.Value(rotate), ctx.Value(noRestart), ct));
        return issue;
    }

    private static Command CreateShow(GlobalOptions globals, ProvisioningServices services)
    {
        var caller = new Argument<string>("caller") { Description = "kiosk, pos, wearable or provisioning." };
        var show = new Command("show", "Print one caller's token (to enter it in the POS, for instance).") { caller };
        CommandActions.Set(show, globals, services, (ctx, _) => Task.FromResult(Show(ctx, ctx.Value(caller))));
        return show;
    }

    private static async Task<int> IssueAsync(CommandContext ctx, bool rotate, bool noRestart, CancellationToken cancellationToken)
    {
        var files = new TokenFiles(ctx.Paths);
        var agent = files.For(TokenFiles.Agent);
        var states = new List<TokenState>();
        var restart = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var caller in ApiCaller.All)
        {
            var existing = agent.Get(caller.AgentConfigKey);
            var token = existing is not null && !rotate ? existing : NewToken();
            agent.Set(caller.AgentConfigKey, token);
            states.Add(new TokenState(caller.Name, existing is null ? "created" : rotate ? "rotated" : "kept", caller.Purpose));
            if (existing != token)
            {
                restart.Add(TokenFiles.Agent);
            }

            // Checked even when kept: the consumer's copy may be missing or stale (a restored or hand-edited file).
            if (caller is { ConsumerService: { } service, ConsumerKey: { } key } && files.For(service).Get(key) != token)
            {
                files.For(service).Set(key, token);
                restart.Add(service);
            }
        }

        files.Write(files.Services);
        var written = files.Services.Select(ctx.Paths.ServiceConfigFile).ToList();
        foreach (var service in files.Services)
        {
            // Secrets: owner-only, and the owner is the service that reads them (it runs as its own user, not root).
            var path = ctx.Paths.ServiceConfigFile(service);
            if (ctx.Services.Ownership.TryGiveTo(path, TokenFiles.UserOf(service)) is { } note)
            {
                ctx.Output.Warn($"{path}: {note}");
            }
        }

        // Each service reads its tokens at start: restart those whose token changed.
        foreach (var unit in noRestart ? Enumerable.Empty<string>() : restart)
        {
            await Platform.ServiceRestart.TryRestartAsync(ctx, unit, cancellationToken).ConfigureAwait(false);
        }

        var changed = restart.Count > 0;

        if (ctx.Output.Json)
        {
            ctx.Output.WriteJson(new TokensIssueResult(states, written), ProvisioningJsonContext.Default.TokensIssueResult);
            return ExitCodes.Ok;
        }

        ctx.Output.Table(["caller", "token", "used by"], states.Select(s => (IReadOnlyList<string>)[s.Caller, s.State, s.Purpose]));
        ctx.Output.Success(changed
            ? $"Tokens written to {string.Join(" and ", written)}. `edge-provision tokens show pos` prints the POS's."
            : $"Every caller has its token already ({ctx.Paths.AgentConfigFile}); --rotate replaces them.");
        return ExitCodes.Ok;
    }

    private static int Show(CommandContext ctx, string name)
    {
        var caller = ApiCaller.Find(name)
            ?? throw new CliException($"unknown caller '{name}'; one of: {string.Join(", ", ApiCaller.All.Select(c => c.Name))}", ExitCodes.Usage);
        var token = JsonConfigFile.Load(ctx.Paths.AgentConfigFile).Get(caller.AgentConfigKey)
            ?? throw new CliException($"{caller.AgentConfigKey} is not set in {ctx.Paths.AgentConfigFile}; run `edge-provision tokens issue`", ExitCodes.Config);
        if (ctx.Output.Json)
        {
            ctx.Output.WriteJson(new TokenShowResult(caller.Name, token), ProvisioningJsonContext.Default.TokenShowResult);
        }
        else
        {
            // The token alone on stdout, so that it can be piped into the POS's configuration.
            ctx.Output.Line(token);
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// factory-reset: every API token goes (a hub moved to another store must not accept the old store's POS), every
    /// other setting of the two files stays. Returns how many tokens were erased.
    /// </summary>
    public static int Erase(EdgePaths paths)
    {
        var files = new TokenFiles(paths);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var erased = 0;
        foreach (var caller in ApiCaller.All)
        {
            if (files.For(TokenFiles.Agent).Remove(caller.AgentConfigKey))
            {
                erased++;
                touched.Add(TokenFiles.Agent);
            }

            if (caller is { ConsumerService: { } service, ConsumerKey: { } key } && files.For(service).Remove(key))
            {
                touched.Add(service);
            }
        }

        files.Write(files.Services.Where(touched.Contains));
        return erased;
    }

    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
}
