using Edge.Contracts.Agent;
using Edge.Kiosk.Agent;
using Edge.Kiosk.Components.Fragments;
using Edge.Kiosk.Localization;
using Edge.Kiosk.Reviews;
using Edge.Kiosk.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Edge.Kiosk.Components;

/// <summary>htmx actions of a logged-in member: save an offer, post a review, play a game. Each answers with a fragment.</summary>
internal static class MemberEndpoints
{
    public static IEndpointRouteBuilder MapMemberActions(this IEndpointRouteBuilder app)
    {
        var member = app.MapGroup("/member");

        member.MapPost("/offers/{couponId}/save", (string couponId, HttpContext context, AgentClient agent) =>
            WithLoginAsync(context, async (login, lang, ct) =>
            {
                var saved = await agent.SaveOfferAsync(login.SessionId, couponId, ct);
                return new RazorComponentResult<OfferSaveFragment>(new Dictionary<string, object?> { ["Offer"] = saved });
            }));

        member.MapPost("/reviews/{productId}", ([FromForm] string? rating, [FromForm] string? text, string productId, HttpContext context, AgentClient agent, ReviewQueue queue) =>
            WithLoginAsync(context, async (login, lang, ct) =>
            {
                var (stars, clean, cut, error) = ReviewInput.Check(rating, text);
                if (error is not null)
                {
                    return Fragment.Message(KioskText.Get(lang, error), error: true);
                }

                var cutNote = cut ? " " + KioskText.Format(lang, "reviews.cut", ReviewInput.MaxLength) : "";
                try
                {
                    var result = await agent.PostReviewAsync(productId, new PostReviewRequest(login.SessionId, stars, clean), ct);
                    return result.Published
                        ? Fragment.Message(KioskText.Get(lang, "reviews.published") + cutNote)
                        : Fragment.Message(KioskText.Format(lang, "reviews.refused", result.Reason ?? "-"), error: true);
                }
                catch (AgentUnavailableException) when (productId.Length <= 64 && queue.TryEnqueue(login.SessionId, productId, stars, clean))
                {
                    return Fragment.Message(KioskText.Get(lang, "reviews.queued") + cutNote);
                }
            }));

        member.MapPost("/games/check-in", (HttpContext context, AgentClient agent) =>
            WithLoginAsync(context, async (login, lang, ct) =>
            {
                var r = await agent.CheckInAsync(login.SessionId, ct);
                return Fragment.Message(r.Awarded ? KioskText.Format(lang, "games.checkedIn", r.Points) : KioskText.Get(lang, "games.alreadyCheckedIn"));
            }));

        member.MapPost("/games/draw", (HttpContext context, AgentClient agent) =>
            WithLoginAsync(context, async (login, lang, ct) =>
            {
                var r = await agent.DrawAsync(login.SessionId, ct);
                var text = !r.Won ? KioskText.Get(lang, "games.drawLost")
                    : KioskText.Format(lang, "games.drawWon", r.Prize) + (r.PendingConfirmation ? " " + KioskText.Get(lang, "games.drawPending") : "");
                return Fragment.Message(text);
            }));

        member.MapPost("/games/share", (HttpContext context, AgentClient agent) =>
            WithLoginAsync(context, async (login, lang, ct) =>
            {
                var r = await agent.ShareVisitAsync(login.SessionId, ct);
                return Fragment.Message(r.Awarded ? KioskText.Format(lang, "games.shared", r.Points) : KioskText.Get(lang, "games.alreadyShared"));
            }));

        member.MapPost("/wishlist/{productId}/add", (string productId, HttpContext context, AgentClient agent) => ChangeWishListAsync(context, agent, productId, add: true));
        member.MapPost("/wishlist/{productId}/remove", (string productId, HttpContext context, AgentClient agent) => ChangeWishListAsync(context, agent, productId, add: false));

        member.MapPost("/games/spin", (HttpContext context, AgentClient agent) =>
            WithLoginAsync(context, async (login, lang, ct) =>
            {
                var r = await agent.SpinAsync(login.SessionId, ct);
                if (r.Segments.Count == 0 || r.SegmentIndex < 0 || r.SegmentIndex >= r.Segments.Count)
                {
                    return Fragment.Message(KioskText.Get(lang, "error.generic"), error: true);
                }

                return new RazorComponentResult<SpinFragment>(new Dictionary<string, object?> { ["Spin"] = r });
            }));
        return app;
    }

    /// <summary>Answers with the toggled button; a full list or an unknown product leaves the button as it was, with the reason.</summary>
    private static Task<IResult> ChangeWishListAsync(HttpContext context, AgentClient agent, string productId, bool add) =>
        WithLoginAsync(context, async (login, lang, ct) =>
        {
            string? error = null;
            try
            {
                await agent.ChangeWishListAsync(login.SessionId, productId, add, ct);
            }
            catch (AgentRefusedException ex) when (ex.Code is "wish_list_full" or "unknown_product" or "bad_product_id")
            {
                error = KioskText.Get(lang, ex.Code == "wish_list_full" ? "wish.full" : "wish.unknown");
            }

            return new RazorComponentResult<WishButtonFragment>(new Dictionary<string, object?>
            {
                ["ProductId"] = productId,
                ["InList"] = add == (error is null),
                ["Error"] = error,
            });
        });

    private static async Task<IResult> WithLoginAsync(HttpContext context, Func<LoginResponse, string, CancellationToken, Task<IResult>> action)
    {
        var session = context.KioskSession();
        if (session.Login is not { } login)
        {
            return Fragment.Redirect(context, "/login");
        }

        try
        {
            return await action(login, session.Language, context.RequestAborted);
        }
        catch (AgentUnavailableException)
        {
            return Fragment.Message(KioskText.Get(session.Language, "offline.banner"), error: true);
        }
        catch (AgentRefusedException ex) when (ex.Status is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.NotFound && ex.Code.Contains("session", StringComparison.Ordinal))
        {
            // The agent session expired: treat it as logged out.
            session.Login = null;
            return Fragment.Redirect(context, "/login");
        }
        catch (AgentRefusedException)
        {
            return Fragment.Message(KioskText.Get(session.Language, "error.generic"), error: true);
        }
    }
}
