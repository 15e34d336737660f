using Edge.Agent.Api;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Alerts;

/// <summary>
/// Interim per-route caller check with the existing <see cref="BearerToken"/> (POS token for receipts, wearable token
/// for clerk routes): 401 <c>ApiError</c>, counted as api.unauthorized. Each route group applies it in ONE line
/// (AlertsEndpoints, LoyaltyEndpoints), which becomes the kiosk API's per-caller endpoint filter once that lands.
/// </summary>
internal sealed class CallerTokenFilter(Func<AgentApiOptions, string?> token) : IEndpointFilter
{
    public static CallerTokenFilter Pos { get; } = new(static o => o.PosToken);

    public static CallerTokenFilter Wearable { get; } = new(static o => o.WearableToken);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var services = context.HttpContext.RequestServices;
        if (!BearerToken.Matches(context.HttpContext, token(services.GetRequiredService<IOptions<AgentApiOptions>>().Value)))
        {
            services.GetRequiredService<AgentCounters>().Increment("api.unauthorized");
            return BearerToken.Unauthorized();
        }

        return await next(context).ConfigureAwait(false);
    }
}
