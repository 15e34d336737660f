using Edge.Agent.Api;
using Edge.Contracts.Agent;

namespace Edge.Agent.Sessions;

/// <summary>Kiosk routes: the three logins, the session (summary, logout), its offers and saving one to the app.</summary>
internal static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var j = AgentApiJsonContext.Default;
        app.MapPost(AgentRoutes.LoginProximity, async (HttpContext context, LoginService logins, LoginFlow flow, AgentCounters counters, CancellationToken ct) =>
        {
            var (body, error) = await JsonBody.ReadAsync(context, j.ProximityLoginRequest, ct).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            if (CheckKioskAndPin(counters, body!.KioskId, body.Pin) is { } bad)
            {
                return bad;
            }

            if (!InputRules.IsId(body.MemberId))
            {
                return ApiResults.BadRequest(counters, "bad_member_id", "memberId is 1-128 printable characters without spaces");
            }

            return await flow.CompleteAsync(await logins.ProximityAsync(body.KioskId, body.MemberId, body.Pin, ct).ConfigureAwait(false), body.KioskId, LoginMethod.Proximity, ct).ConfigureAwait(false);
        }).Kiosk<ProximityLoginRequest, LoginResponse>();

        app.MapPost(AgentRoutes.LoginPhone, async (HttpContext context, LoginService logins, LoginFlow flow, AgentCounters counters, CancellationToken ct) =>
        {
            var (body, error) = await JsonBody.ReadAsync(context, j.PhoneLoginRequest, ct).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            if (CheckKioskAndPin(counters, body!.KioskId, body.Pin) is { } bad)
            {
                return bad;
            }

            if (PhoneNumber.Normalise(body.Phone) is not { } e164)
            {
                return ApiResults.BadRequest(counters, "bad_phone", "phone must be E.164, e.g. +4712345678 (spaces and dashes are ignored)");
            }

            return await flow.CompleteAsync(await logins.PhoneAsync(body.KioskId, e164, body.Pin, ct).ConfigureAwait(false), body.KioskId, LoginMethod.Phone, ct).ConfigureAwait(false);
        }).Kiosk<PhoneLoginRequest, LoginResponse>();

        app.MapPost(AgentRoutes.LoginQr, async (HttpContext context, LoginService logins, LoginFlow flow, AgentCounters counters, CancellationToken ct) =>
        {
            var (body, error) = await JsonBody.ReadAsync(context, j.QrLoginRequest, ct).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            if (!InputRules.IsDeviceId(body!.KioskId))
            {
                return ApiResults.BadRequest(counters, "bad_kiosk_id", "kioskId is 1-64 of a-z0-9-");
            }

            if (body.PairingToken is not { Length: >= 1 and <= 256 })
            {
                return ApiResults.BadRequest(counters, "bad_pairing_token", "pairingToken is 1-256 characters");
            }

            return await flow.CompleteAsync(await logins.QrAsync(body.KioskId, body.PairingToken, ct).ConfigureAwait(false), body.KioskId, LoginMethod.Qr, ct).ConfigureAwait(false);
        }).Kiosk<QrLoginRequest, LoginResponse>();

        app.MapGet(AgentRoutes.Session, (string sessionId, SessionStore sessions, MemberSummaries summaries, CancellationToken ct) =>
            sessions.InSessionAsync(sessionId, s => Task.FromResult(Results.Json(summaries.For(s.Member!), j.MemberSummary)), ct))
            .Kiosk<MemberSummary>();

        app.MapDelete(AgentRoutes.Session, (string sessionId, SessionStore sessions, CancellationToken ct) =>
            sessions.InSessionAsync(sessionId, async _ =>
            {
                await sessions.EndAsync(sessionId, "logout", ct).ConfigureAwait(false);
                return Results.NoContent();
            }, ct))
            .RequireCaller(AgentCaller.Kiosk).Produces(StatusCodes.Status204NoContent).SessionErrors();

        app.MapGet(AgentRoutes.SessionOffers, (string sessionId, SessionStore sessions, SessionOffers offers, CancellationToken ct) =>
            sessions.InSessionAsync(sessionId, s => Task.FromResult(Results.Json(new MemberOffersResponse(offers.Current(s.Session!.MemberId)), j.MemberOffersResponse)), ct))
            .Kiosk<MemberOffersResponse>();

        app.MapPost(AgentRoutes.SaveOffer, async (string sessionId, string couponId, SessionStore sessions, SessionOffers offers, AgentCounters counters, CancellationToken ct) =>
        {
            if (!InputRules.IsId(couponId))
            {
                return ApiResults.BadRequest(counters, "bad_coupon_id", "couponId is 1-128 printable characters without spaces");
            }

            return await sessions.InSessionAsync(sessionId, async s =>
            {
                var (coupon, refusal) = await offers.SaveAsync(s.Session!, couponId, ct).ConfigureAwait(false);
                return refusal switch
                {
                    null when coupon is not null => Results.Json(coupon, j.OfferView),
                    "unknown_coupon" or null => ApiResults.NotFound(counters, "unknown_coupon", "no such coupon for this member"),
                    _ => ApiResults.Conflict(counters, refusal, refusal == "coupon_redeemed" ? "the coupon was already redeemed" : "the coupon has expired"),
                };
            }, ct).ConfigureAwait(false);
        }).Kiosk<OfferView>().Produces<ApiError>(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>Kiosk-only route with its OpenAPI response types and the session errors.</summary>
    internal static RouteHandlerBuilder Kiosk<TResponse>(this RouteHandlerBuilder route) =>
        route.RequireCaller(AgentCaller.Kiosk).Produces<TResponse>().SessionErrors();

    private static RouteHandlerBuilder Kiosk<TRequest, TResponse>(this RouteHandlerBuilder route)
        where TRequest : notnull =>
        route.RequireCaller(AgentCaller.Kiosk).Accepts<TRequest>("application/json").Produces<TResponse>().Produces<ApiError>(StatusCodes.Status400BadRequest);

    internal static RouteHandlerBuilder SessionErrors(this RouteHandlerBuilder route) =>
        route.Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound);

    private static IResult? CheckKioskAndPin(AgentCounters counters, string? kioskId, string? pin) =>
        !InputRules.IsDeviceId(kioskId) ? ApiResults.BadRequest(counters, "bad_kiosk_id", "kioskId is 1-64 of a-z0-9-")
        : !InputRules.IsPin(pin) ? ApiResults.BadRequest(counters, "bad_pin", "pin is exactly 4 digits")
        : null;
}
