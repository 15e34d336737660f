using Edge.Contracts.Agent;

namespace Edge.Agent.Api;

/// <summary>
/// Every non-2xx answer of the local API: an <see cref="ApiError"/> with a stable code, counted twice in
/// <see cref="AgentCounters"/> ("api.{status}" such as api.bad_request, and "api.error.{code}"), so refused input is visible in status.
/// </summary>
internal static class ApiResults
{
    public static IResult BadRequest(AgentCounters counters, string code, string message) => Error(counters, StatusCodes.Status400BadRequest, code, message);

    public static IResult Unauthorized(AgentCounters counters, string code, string message) => Error(counters, StatusCodes.Status401Unauthorized, code, message);

    public static IResult Forbidden(AgentCounters counters, string code, string message) => Error(counters, StatusCodes.Status403Forbidden, code, message);

    public static IResult NotFound(AgentCounters counters, string code, string message) => Error(counters, StatusCodes.Status404NotFound, code, message);

    public static IResult Conflict(AgentCounters counters, string code, string message) => Error(counters, StatusCodes.Status409Conflict, code, message);

    public static IResult Error(AgentCounters counters, int status, string code, string message)
    {
        counters.Increment(status switch
        {
            StatusCodes.Status400BadRequest => "api.bad_request",
            StatusCodes.Status401Unauthorized => "api.unauthorized",
            StatusCodes.Status403Forbidden => "api.forbidden",
            StatusCodes.Status404NotFound => "api.not_found",
            StatusCodes.Status409Conflict => "api.conflict",
            _ => "api.error",
        });
        counters.Increment("api.error." + code);
        return Results.Json(new ApiError(code, message), AgentApiJsonContext.Default.ApiError, statusCode: status);
    }
}
