using Edge.Agent.Ledger;
using Edge.Contracts.Agent;
using Edge.Hosting.Options;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Api;

internal static class AgentApiExtensions
{
    public static IHostApplicationBuilder AddAgentApi(this WebApplicationBuilder builder)
    {
        builder.AddEdgeOptions<AgentApiOptions>(AgentApiOptions.Section);
        // Kestrel needs the address before options validation runs; the validator still rejects a bad one at start.
        var url = builder.Configuration[$"{AgentApiOptions.Section}:Url"] ?? new AgentApiOptions().Url;
        builder.WebHost.UseUrls(url.StartsWith("unix:", StringComparison.Ordinal) ? "http://" + url : url);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AgentApiJsonContext.Default));
        return builder;
    }

    public static WebApplication MapAgentApi(this WebApplication app)
    {
        app.MapPost(AgentRoutes.Redemptions, async (HttpContext context, RedemptionLedger ledger, IOptions<AgentApiOptions> options, AgentCounters counters, CancellationToken cancellationToken) =>
        {
            if (!BearerToken.Matches(context, options.Value.PosToken))
            {
                counters.Increment("api.unauthorized");
                return BearerToken.Unauthorized();
            }

            RedeemRequest? request;
            try
            {
                request = await context.Request.ReadFromJsonAsync(AgentApiJsonContext.Default.RedeemRequest, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or BadHttpRequestException)
            {
                request = null;
            }

            if (request is null)
            {
                counters.Increment("api.bad_request");
                return Results.Json(new ApiError("bad_request", "body must be a RedeemRequest JSON object"), AgentApiJsonContext.Default.ApiError, statusCode: StatusCodes.Status400BadRequest);
            }

            return Results.Json(await ledger.RedeemAsync(request, cancellationToken).ConfigureAwait(false), AgentApiJsonContext.Default.RedeemResponse);
        });
        app.MapGet(AgentRoutes.Status, (Edge.Hosting.EdgeServiceInfo service) => Results.Ok(new { service = service.Name, version = service.Version }));
        return app;
    }
}
