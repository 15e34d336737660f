using System.CommandLine;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Edge.Contracts.Agent;
using Edge.Provisioning.Cli;

namespace Edge.Provisioning.Models;

/// <summary>
/// model promote: the shadow offer model (EdgeAgent:Offers:ShadowMode) starts serving, through edge-agent's local API
/// with the provisioning token. Store IT runs it once the shadow's agreement counters look right (docs/models.md).
/// </summary>
internal static class ModelCommand
{
    public static Command Create(GlobalOptions globals, ProvisioningServices services)
    {
        var command = new Command("model", "The offer model edge-agent serves.");
        var promote = new Command("promote", "Serve the shadow model now (and after restarts) instead of the current one.");
        CommandActions.Set(promote, globals, services, PromoteAsync);
        command.Subcommands.Add(promote);
        return command;
    }

    private static async Task<int> PromoteAsync(CommandContext ctx, CancellationToken cancellationToken)
    {
        using var http = AgentApi.Create(ctx.Paths.AgentConfigFile, ctx.Services.AgentHandler);
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(AgentRoutes.PromoteShadowModel.TrimStart('/'), content: null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"edge-agent did not answer at {http.BaseAddress} ({ex.Message}); is it running? `systemctl status edge-agent`", ExitCodes.Unavailable);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                var promoted = await ReadAsync(response, AgentApiJsonContext.Default.ShadowModelPromoted, cancellationToken).ConfigureAwait(false);
                var result = new ModelPromoteResult(promoted.ServingVersion, promoted.ReplacedVersion);
                if (ctx.Output.Json)
                {
                    ctx.Output.WriteJson(result, ProvisioningJsonContext.Default.ModelPromoteResult);
                }
                else
                {
                    ctx.Output.Success($"edge-agent serves model {result.Serving} now" + (result.Replaced is { } old ? $" (it replaced {old})." : "."));
                }

                return ExitCodes.Ok;
            }

            var error = await TryReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            throw response.StatusCode switch
            {
                HttpStatusCode.Conflict when error?.Code == "no_shadow_model" => new CliException(
                    "edge-agent has no shadow model to promote: set EdgeAgent:Offers:ShadowMode=true and wait for the cloud's next model bundle", ExitCodes.Failure),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new CliException(
                    $"edge-agent refused the provisioning token in {ctx.Paths.AgentConfigFile} ({(int)response.StatusCode}); it reads its tokens at start: `systemctl restart edge-agent`", ExitCodes.Config),
                _ => new CliException($"edge-agent answered {(int)response.StatusCode} {error?.Code ?? response.ReasonPhrase}", ExitCodes.Failure),
            };
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
                ?? throw new CliException("edge-agent answered an empty body", ExitCodes.Failure);
        }
        catch (JsonException ex)
        {
            throw new CliException($"edge-agent's answer is not what this version of edge-provision reads ({ex.Message})", ExitCodes.Failure);
        }
    }

    private static async Task<ApiError?> TryReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(AgentApiJsonContext.Default.ApiError, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null; // a 401 from the auth layer may have no body
        }
    }
}
