using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Api;

/// <summary>
/// Reads a JSON request body with a size limit (<see cref="AgentApiOptions.MaxBodyBytes"/>). Malformed, empty or
/// oversized bodies become a counted 400 <c>ApiError</c> rather than the framework's bare 400.
/// </summary>
internal static class JsonBody
{
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var counters = context.RequestServices.GetRequiredService<AgentCounters>();
        var limit = context.RequestServices.GetRequiredService<IOptions<AgentApiOptions>>().Value.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return (null, ApiResults.BadRequest(counters, "body_too_large", $"the body may have at most {limit} bytes"));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(context.Request.Body, type, cancellationToken).ConfigureAwait(false);
            return value is null
                ? (null, ApiResults.BadRequest(counters, "bad_request", $"the body must be a {typeof(T).Name} JSON object"))
                : (value, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiResults.BadRequest(counters, "body_too_large", $"the body may have at most {limit} bytes"));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or BadHttpRequestException)
        {
            return (null, ApiResults.BadRequest(counters, "bad_request", $"the body must be a {typeof(T).Name} JSON object"));
        }
    }
}
