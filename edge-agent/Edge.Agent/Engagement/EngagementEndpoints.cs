using Edge.Agent.Api;
using Edge.Agent.Products;
using Edge.Agent.Sessions;
using Edge.Contracts.Agent;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Engagement;

/// <summary>Kiosk routes of the wish list, achievements and "share your visit"; each needs a live session (kiosk caller only).</summary>
internal static class EngagementEndpoints
{
    public static IEndpointRouteBuilder MapEngagementEndpoints(this IEndpointRouteBuilder app)
    {
        var j = AgentApiJsonContext.Default;
        app.MapGet(AgentRoutes.WishList, (string sessionId, SessionStore sessions, WishListStore wishes, IOptions<EngagementOptions> options, CancellationToken ct) =>
            sessions.InSessionAsync(sessionId, s => Task.FromResult(ListOf(wishes, options, s.Session!.MemberId)), ct))
            .Kiosk<WishListResponse>();

        app.MapPut(AgentRoutes.WishListItem, (string sessionId, string productId, SessionStore sessions, WishListStore wishes, ProductCatalogStore products,
            IOptions<EngagementOptions> options, AgentCounters counters, ILogger<WishListStore> logger, CancellationToken ct) =>
            sessions.InSessionAsync(sessionId, async s =>
            {
                if (RefuseProduct(productId, products, counters) is { } refused)
                {
                    return refused;
                }

                var capacity = options.Value.MaxWishListItems;
                if (!await wishes.AddAsync(s.Session!.MemberId, productId, capacity, ct).ConfigureAwait(false))
                {
                    EngagementLog.WishListFull(logger, capacity);
                    return ApiResults.Conflict(counters, "wish_list_full", $"a wish list holds at most {capacity} products; remove one first");
                }

                counters.Increment("engagement.wish_list_added");
                return ListOf(wishes, options, s.Session.MemberId);
            }, ct))
            .Kiosk<WishListResponse>().Produces<ApiError>(StatusCodes.Status409Conflict);

        app.MapDelete(AgentRoutes.WishListItem, (string sessionId, string productId, SessionStore sessions, WishListStore wishes, IOptions<EngagementOptions> options,
            AgentCounters counters, CancellationToken ct) =>
            sessions.InSessionAsync(sessionId, async s =>
            {
                // No catalog check: a product that left the catalog can still be taken off the list.
                if (!InputRules.IsId(productId))
                {
                    return BadProductId(counters);
                }

                var removed = await wishes.RemoveAsync(s.Session!.MemberId, productId, ct).ConfigureAwait(false);
                counters.Increment(removed ? "engagement.wish_list_removed" : "engagement.wish_list_remove_absent");
                return ListOf(wishes, options, s.Session.MemberId);
            }, ct))
            .Kiosk<WishListResponse>();

        app.MapGet(AgentRoutes.Achievements, (string sessionId, SessionStore sessions, AchievementService achievements, CancellationToken ct) =>
            sessions.InSessionAsync(sessionId, s => Task.FromResult(Results.Json(achievements.For(s.Session!.MemberId), j.AchievementsResponse)), ct))
            .Kiosk<AchievementsResponse>();

        app.MapPost(AgentRoutes.ShareVisit, (string sessionId, SessionStore sessions, ShareVisitService share, CancellationToken ct) =>
            sessions.InSessionAsync(sessionId, async s => Results.Json(await share.ShareAsync(s.Session!, ct).ConfigureAwait(false), j.ShareVisitResponse), ct))
            .Kiosk<ShareVisitResponse>();
        return app;
    }

    private static IResult ListOf(WishListStore wishes, IOptions<EngagementOptions> options, string memberId) =>
        Results.Json(new WishListResponse(wishes.List(memberId), options.Value.MaxWishListItems), AgentApiJsonContext.Default.WishListResponse);

    private static IResult? RefuseProduct(string productId, ProductCatalogStore products, AgentCounters counters)
    {
        if (!InputRules.IsId(productId))
        {
            return BadProductId(counters);
        }

        return products.Find(productId) is null ? ApiResults.NotFound(counters, "unknown_product", "the product is not in this store's catalog") : null;
    }

    private static IResult BadProductId(AgentCounters counters) =>
        ApiResults.BadRequest(counters, "bad_product_id", "productId is 1-128 printable characters without spaces");
}
