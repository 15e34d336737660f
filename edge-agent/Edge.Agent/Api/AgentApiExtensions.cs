using Edge.Agent.Ledger;
using Edge.Contracts.Agent;
using Edge.Hosting.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Api;

internal static class AgentApiExtensions
{
    public static IHostApplicationBuilder AddAgentApi(this WebApplicationBuilder builder)
    {
        builder.AddEdgeOptions<AgentApiOptions>(AgentApiOptions.Section, static (c, o) => c.Bind(o));
        // Kestrel needs the address before options validation runs; the validator still rejects a bad one at start.
        var url = builder.Configuration[$"{AgentApiOptions.Section}:Url"] ?? new AgentApiOptions().Url;
        builder.WebHost.UseUrls(url.StartsWith("unix:", StringComparison.Ordinal) ? "http://" + url : url);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AgentApiJsonContext.Default));
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "edge-agent local API";
            document.Info.Description = "Loopback API of the store hub's edge-agent. Every route except status and this document needs "
                + "'Authorization: Bearer <token>' of the caller it is meant for (kiosk, pos, wearable, provisioning): 401 without a known token, 403 with another caller's.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication MapAgentApi(this WebApplication app)
    {
        // The contract, without a token: tools and the kiosk's developers read it; it holds no data.
        app.MapOpenApi(AgentRoutes.OpenApi);
        app.MapPost(AgentRoutes.Redemptions, async (HttpContext context, RedemptionLedger ledger, CancellationToken cancellationToken) =>
        {
            var (request, error) = await JsonBody.ReadAsync(context, AgentApiJsonContext.Default.RedeemRequest, cancellationToken).ConfigureAwait(false);
            return error ?? Results.Json(await ledger.RedeemAsync(request!, cancellationToken).ConfigureAwait(false), AgentApiJsonContext.Default.RedeemResponse);
        }).RequireCaller(AgentCaller.Pos).Accepts<RedeemRequest>("application/json").Produces<RedeemResponse>().Produces<ApiError>(StatusCodes.Status400BadRequest);

        // Public: name and version. With the provisioning token also the counters (refused input, lockouts...). A
        // source-generated type: an anonymous one served in-process tests but not the edge-agent process, whose
        // runtimeconfig (Native AOT settings) turns reflection-based JSON off.
        app.MapGet(AgentRoutes.Status, (HttpContext context, Edge.Hosting.EdgeServiceInfo service, IOptions<AgentApiOptions> options, AgentCounters counters) =>
            Results.Json(
                new AgentStatusResponse(service.Name, service.Version, BearerToken.Identify(context, options.Value) == AgentCaller.Provisioning ? counters.Snapshot() : null),
                AgentApiJsonContext.Default.AgentStatusResponse))
            .Produces<AgentStatusResponse>();
        return app;
    }
}
