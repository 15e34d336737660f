using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Edge.Contracts.Agent;

namespace Edge.Agent.Alerts;

/// <summary>Reading and refusing API input the same way on every alert and loyalty route: 400 <see cref="ApiError"/> with the reason, counted.</summary>
internal static class ApiInput
{
    /// <summary>The JSON body, or null when it is missing, not JSON or not the expected shape.</summary>
    public static async Task<T?> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await context.Request.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or BadHttpRequestException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>1-64 characters of [A-Za-z0-9._:-]: ids that go into topics, keys and logs.</summary>
    public static bool IsId(string? value, int max = 64) =>
        !string.IsNullOrEmpty(value) && value.Length <= max && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-');

    /// <summary>400 with <paramref name="code"/> and the reason; counts api.bad_request and <paramref name="counter"/>.</summary>
    public static IResult BadRequest(AgentCounters counters, string counter, string code, string reason)
    {
        ArgumentNullException.ThrowIfNull(counters);
        counters.Increment("api.bad_request");
        counters.Increment(counter);
        return Error(StatusCodes.Status400BadRequest, code, reason);
    }

    public static IResult Error(int status, string code, string reason) =>
        Results.Json(new ApiError(code, reason), AgentApiJsonContext.Default.ApiError, statusCode: status);
}
