using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Edge.ReferenceCloud.Diagnostics;

/// <summary>Refused API requests, counted by route and status (GET /api/refusals) and logged with the reason.</summary>
internal sealed class ApiRefusals(ILogger<ApiRefusals> logger)
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Counts => _counts;

    public IResult Refuse(string route, int status, string reason)
    {
        _counts.AddOrUpdate($"{route} {status}", 1, (_, n) => n + 1);
        CloudLog.ApiRefused(logger, status, reason);
        return Results.Problem(reason, statusCode: status);
    }
}
