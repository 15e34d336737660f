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
        app.MapPost(AgentRoutes.CheckIn, (string sessionId, SessionStore sessions, GameService games, CancellationToken ct) =>
            sessions.InSessionAsync(sessionId, async s => Results.Json(await games.CheckInAsync(s.Session!, ct).ConfigureAwait(false), j.CheckInResponse), ct))
            .Kiosk<CheckInResponse>();

        app.MapPost(AgentRoutes.PrizeDraw, (string sessionId, SessionStore sessions, GameService games, AgentCounters counters, CancellationToken ct) =>
            sessions.InSessionAsync(sessionId, async s => await games.DrawAsync(s.Session!, ct).ConfigureAwait(false) is { } draw
                ? Results.Json(draw, j.PrizeDrawResponse)
                : AlreadyPlayed(counters, "prize draws"), ct))
            .Kiosk<PrizeDrawResponse>().Produces<ApiError>(StatusCodes.Status409Conflict);

        app.MapPost(AgentRoutes.Spin, (string sessionId, SessionStore sessions, GameService games, AgentCounters counters, CancellationToken ct) =>
            sessions.InSessionAsync(sessionId, async s => await games.SpinAsync(s.Session!, ct).ConfigureAwait(false) is { } spin
                ? Results.Json(spin, j.SpinResponse)
                : AlreadyPlayed(counters, "spins"), ct))
            .Kiosk<SpinResponse>().Produces<ApiError>(StatusCodes.Status409Conflict);
        return app;
    }

    private static IResult AlreadyPlayed(AgentCounters counters, string what) =>
        ApiResults.Conflict(counters, "already_played", $"today's {what} are used; come back tomorrow");
}
