using Edge.Contracts.Agent;

namespace Edge.Agent.Api;

internal static class CallerEndpointExtensions
{
    /// <summary>Only these callers' bearer tokens may use the route (401 without a known token, 403 for another caller's).</summary>
    public static TBuilder RequireCaller<TBuilder>(this TBuilder builder, params AgentCaller[] callers)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(new CallerFilter(callers));
        builder.WithMetadata(new RequiredCallers(callers));
        if (builder is RouteHandlerBuilder route)
        {
            route.Produces<ApiError>(StatusCodes.Status401Unauthorized).Produces<ApiError>(StatusCodes.Status403Forbidden);
        }

        return builder;
    }

    /// <summary>The caller <see cref="CallerFilter"/> let through.</summary>
    public static AgentCaller Caller(this HttpContext context) =>
        context.Items.TryGetValue(typeof(AgentCaller), out var caller) && caller is AgentCaller c
            ? c
            : throw new InvalidOperationException("The route has no RequireCaller filter.");
}
