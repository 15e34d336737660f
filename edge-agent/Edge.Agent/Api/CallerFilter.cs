using Microsoft.Extensions.Options;

namespace Edge.Agent.Api;

/// <summary>
/// Endpoint filter behind <see cref="CallerEndpointExtensions.RequireCaller{TBuilder}"/>: 401 when the request carries no
/// known caller's token, 403 when it carries one of a caller the route is not meant for. The caller is left in
/// <see cref="HttpContext.Items"/> for the handler (<see cref="CallerEndpointExtensions.Caller"/>).
/// </summary>
internal sealed class CallerFilter(IReadOnlyCollection<AgentCaller> allowed) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<AgentApiOptions>>().Value;
        var counters = http.RequestServices.GetRequiredService<AgentCounters>();
        var caller = BearerToken.Identify(http, options);
        if (caller is null)
        {
            return ApiResults.Unauthorized(counters, "unauthorized", "missing or wrong bearer token for this caller");
        }

        if (!allowed.Contains(caller.Value))
        {
            return ApiResults.Forbidden(counters, "forbidden", $"this route is not for the {caller.Value.ToString().ToLowerInvariant()} token");
        }

        http.Items[typeof(AgentCaller)] = caller.Value;
        return await next(context).ConfigureAwait(false);
    }
}
