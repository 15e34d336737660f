using System.Globalization;
using System.Text.RegularExpressions;
using Edge.Kiosk.Agent;
using Edge.Kiosk.Components;
using Edge.Kiosk.Live;
using Edge.Kiosk.Localization;
using Edge.Kiosk.Proximity;
using Microsoft.AspNetCore.Mvc;

namespace Edge.Kiosk.Sessions;

/// <summary>Proximity + PIN, phone + PIN, QR pairing status, logout, and the "still here" touch.</summary>
internal static partial class LoginEndpoints
{
    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder app)
    {
        app.MapPost("/login/proximity", async ([FromForm] string? pin, HttpContext context, ProximityBoard board, LoginFlow flow) =>
        {
            var session = context.KioskSession();
            if (board.Current is not { } greeting)
            {
                return Fragment.Message(KioskText.Get(session.Language, "error.generic"), error: true);
            }

            return await flow.LoginAsync(context, "m:" + greeting.MemberId, pin, "login.wrongPin",
                (agent, p, ct) => agent.LoginProximityAsync(greeting.MemberId, p, ct));
        });

        app.MapPost("/login/phone", async ([FromForm] string? phone, [FromForm] string? pin, HttpContext context, LoginFlow flow) =>
        {
            var session = context.KioskSession();
            var normalised = NormalisePhone(phone);
            if (normalised is null)
            {
                return Fragment.Message(KioskText.Get(session.Language, "login.badPhone"), error: true);
            }

            return await flow.LoginAsync(context, "p:" + normalised, pin, "login.failed",
                (agent, p, ct) => agent.LoginPhoneAsync(normalised, p, ct));
        });

        // Polled by the QR page: redirect once the app confirmed, a polite message if the confirmation was refused.
        app.MapGet("/login/qr/status", (HttpContext context) =>
        {
            var session = context.KioskSession();
            if (session.IsLoggedIn)
            {
                return Fragment.Redirect(context, "/member");
            }

            if (session.PairingMessageKey is { } key)
            {
                session.PairingMessageKey = null;
                return key == "login.qrExpired" ? Fragment.Redirect(context, "/login/qr?expired=1") : Fragment.Message(KioskText.Get(session.Language, key), error: true);
            }

            return Results.NoContent();
        });

        app.MapPost("/logout", async (HttpContext context, KioskLogout logout) =>
        {
            await logout.LogoutAsync(context.KioskSession(), "tapped log out", context.RequestAborted);
            context.Response.Cookies.Delete(KioskSessionStore.Cookie);
            return Results.Redirect("/");
        });

        // kiosk.js posts this (throttled) on taps that load nothing, so reading a page counts as activity.
        app.MapPost("/session/touch", () => Results.NoContent());
        return app;
    }

    /// <summary>E.164-ish: digits with an optional leading +, spaces and dashes ignored, 6-15 digits.</summary>
    public static string? NormalisePhone(string? phone)
    {
        if (phone is null || phone.Length > 32)
        {
            return null;
        }

        var compact = phone.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return PhonePattern().IsMatch(compact) ? compact : null;
    }

    public static bool IsPin(string? pin) => pin is { Length: 4 } && pin.All(char.IsAsciiDigit);

    public static string Minutes(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalMinutes)).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\+?[0-9]{6,15}$")]
    private static partial Regex PhonePattern();
}
