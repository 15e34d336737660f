using Edge.Agent.Api;
using Edge.Agent.Products;
using Edge.Agent.Sessions;
using Edge.Contracts.Agent;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Reviews;

/// <summary>Kiosk routes: a product's reviews (no session), posting one (session in the body).</summary>
internal static class ReviewEndpoints
{
    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var j = AgentApiJsonContext.Default;
        app.MapGet(AgentRoutes.ProductReviews, (string productId, HttpContext context, ProductCatalogStore products, ReviewStore reviews, AgentCounters counters) =>
        {
            if (CheckProduct(productId, products, counters) is { } bad)
            {
                return bad;
            }

            return ProductEndpoints.ReadLimit(context, counters, out var limit) ?? Results.Json(reviews.List(productId, limit), j.ProductReviews);
        }).RequireCaller(AgentCaller.Kiosk).Produces<ProductReviews>().Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound);

        app.MapPost(AgentRoutes.ProductReviews, async (string productId, HttpContext context, ProductCatalogStore products, SessionStore sessions, ReviewModerator moderator,
            ReviewStore reviews, IOptions<ReviewsOptions> options, AgentCounters counters, ILogger<ReviewStore> logger, CancellationToken ct) =>
        {
            var (body, error) = await JsonBody.ReadAsync(context, j.PostReviewRequest, ct).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            var o = options.Value;
            if (body!.Rating is < 1 or > 5)
            {
                return ApiResults.BadRequest(counters, "bad_rating", "rating is 1-5");
            }

            var text = body.Text?.Trim() ?? string.Empty;
            if (text.Length > o.MaxLength)
            {
                return ApiResults.BadRequest(counters, "text_too_long", $"text has at most {o.MaxLength} characters");
            }

            if (text.Length < o.MinLength)
            {
                return ApiResults.BadRequest(counters, "text_too_short", $"text has at least {o.MinLength} characters");
            }

            if (CheckProduct(productId, products, counters) is { } bad)
            {
                return bad;
            }

            var lookup = await sessions.ResolveAsync(body.SessionId, ct).ConfigureAwait(false);
            if (lookup.Error is not null)
            {
                return lookup.Error;
            }

            var moderated = moderator.Moderate(text);
            if (moderated.Refusal is { } reason)
            {
                counters.Increment("reviews.refused." + reason);
                ReviewsLog.Refused(logger, productId, reason);
                return Results.Json(new PostReviewResponse(false, null, reason), j.PostReviewResponse);
            }

            return await reviews.PublishAsync(lookup.Session!, lookup.Member!, productId, body.Rating, moderated.Text!, ct).ConfigureAwait(false) is { } review
                ? Results.Json(new PostReviewResponse(true, review, null), j.PostReviewResponse)
                : ApiResults.Conflict(counters, "already_reviewed", "this member has already reviewed this product");
        }).RequireCaller(AgentCaller.Kiosk).Accepts<PostReviewRequest>("application/json").Produces<PostReviewResponse>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound).Produces<ApiError>(StatusCodes.Status409Conflict);
        return app;
    }

    private static IResult? CheckProduct(string productId, ProductCatalogStore products, AgentCounters counters) =>
        !InputRules.IsId(productId) ? ApiResults.BadRequest(counters, "bad_product_id", "productId is 1-128 printable characters without spaces")
        : products.Find(productId) is null ? ApiResults.NotFound(counters, "unknown_product", "no such product in this store's catalog")
        : null;
}
