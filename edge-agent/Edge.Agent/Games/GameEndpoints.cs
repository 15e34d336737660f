using Edge.Agent.Api;
using Edge.Agent.Sessions;
using Edge.Contracts.Agent;

namespace Edge.Agent.Games;

/// <summary>Kiosk routes of the games; each needs a live session.</summary>
internal static class GameEndpoints
{
    public static IEndpointRouteBuilder MapGameEndpoints(this IEndpointRouteBuilder app)
    {
        var j = AgentApiJsonContext.Default;
        app.MapPost(AgentRoutes.CheckIn, async (string sessionId, SessionStore sessions, GameService games, CancellationToken ct) =>
        {
            var lookup = await sessions.ResolveAsync(sessionId, ct).ConfigureAwait(false);
            return lookup.Error ?? Results.Json(await games.CheckInAsync(lookup.Session!, ct).ConfigureAwait(false), j.CheckInResponse);
        }).Kiosk<CheckInResponse>();

        app.MapPost(AgentRoutes.PrizeDraw, async (string sessionId, SessionStore sessions, GameService games, AgentCounters counters, CancellationToken ct) =>
        {
            var lookup = await sessions.ResolveAsync(sessionId, ct).ConfigureAwait(false);
            if (lookup.Error is not null)
            {
                return lookup.Error;
            }

            return await games.DrawAsync(lookup.Session!, ct).ConfigureAwait(false) is { } draw
                ? Results.Json(draw, j.PrizeDrawResponse)
                : ApiResults.Conflict(counters, "already_played", "today's prize draws are used; come back tomorrow");
        }).Kiosk<PrizeDrawResponse>().Produces<ApiError>(StatusCodes.Status409Conflict);

        app.MapPost(AgentRoutes.Spin, async (string sessionId, SessionStore sessions, GameService games, AgentCounters counters, CancellationToken ct) =>
        {
            var lookup = await sessions.ResolveAsync(sessionId, ct).ConfigureAwait(false);
            if (lookup.Error is not null)
            {
                return lookup.Error;
            }

            return await games.SpinAsync(lookup.Session!, ct).ConfigureAwait(false) is { } spin
                ? Results.Json(spin, j.SpinResponse)
                : ApiResults.Conflict(counters, "already_played", "today's spins are used; come back tomorrow");
        }).Kiosk<SpinResponse>().Produces<ApiError>(StatusCodes.Status409Conflict);
        return app;
    }
}
