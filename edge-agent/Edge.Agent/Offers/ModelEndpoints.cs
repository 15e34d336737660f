using Edge.Agent.Api;
using Edge.Contracts.Agent;

namespace Edge.Agent.Offers;

/// <summary>Provisioning routes for the offer model.</summary>
internal static class ModelEndpoints
{
    public static IEndpointRouteBuilder MapModelEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(AgentRoutes.PromoteShadowModel, async (ShadowModelPromotion promotion, AgentCounters counters, CancellationToken cancellationToken) =>
            await promotion.PromoteAsync(cancellationToken).ConfigureAwait(false) is { } promoted
                ? Results.Json(new ShadowModelPromoted(promoted.Serving, promoted.Replaced), AgentApiJsonContext.Default.ShadowModelPromoted)
                : ApiResults.Conflict(counters, "no_shadow_model", "no shadow offer model is loaded (EdgeAgent:Offers:ShadowMode must be true and a bundle must have arrived)"))
            .RequireCaller(AgentCaller.Provisioning).Produces<ShadowModelPromoted>().Produces<ApiError>(StatusCodes.Status409Conflict);
        return app;
    }
}
