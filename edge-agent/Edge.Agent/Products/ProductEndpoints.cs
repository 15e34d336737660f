using Edge.Agent.Api;
using Edge.Contracts.Agent;

namespace Edge.Agent.Products;

/// <summary>Kiosk routes: product search and lookup (no session needed).</summary>
internal static class ProductEndpoints
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;
    public const int MaxQueryLength = 100;

    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder app)
    {
        var j = AgentApiJsonContext.Default;
        app.MapGet(AgentRoutes.Products, (HttpContext context, ProductCatalogStore store, AgentCounters counters) =>
        {
            var q = context.Request.Query["q"].ToString().Trim();
            if (q.Length is 0 or > MaxQueryLength || q.Any(char.IsControl))
            {
                return ApiResults.BadRequest(counters, "bad_query", $"q is 1-{MaxQueryLength} characters without control characters");
            }

            if (ReadLimit(context, counters, out var limit) is { } bad)
            {
                return bad;
            }

            return Results.Json(new ProductSearchResponse(store.Search(q, limit)), j.ProductSearchResponse);
        }).RequireCaller(AgentCaller.Kiosk).Produces<ProductSearchResponse>().Produces<ApiError>(StatusCodes.Status400BadRequest);

        app.MapGet(AgentRoutes.Product, (string productId, ProductCatalogStore store, AgentCounters counters) =>
            !InputRules.IsId(productId) ? ApiResults.BadRequest(counters, "bad_product_id", "productId is 1-128 printable characters without spaces")
            : store.Find(productId) is { } product ? Results.Json(product, j.ProductView)
            : ApiResults.NotFound(counters, "unknown_product", "no such product in this store's catalog"))
            .RequireCaller(AgentCaller.Kiosk).Produces<ProductView>().Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>?limit=n: 1 to <see cref="MaxLimit"/>, default <see cref="DefaultLimit"/>; anything else is a counted 400.</summary>
    public static IResult? ReadLimit(HttpContext context, AgentCounters counters, out int limit)
    {
        limit = DefaultLimit;
        var raw = context.Request.Query["limit"].ToString();
        if (raw.Length == 0)
        {
            return null;
        }

        return int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit
            ? null
            : ApiResults.BadRequest(counters, "bad_limit", $"limit is 1-{MaxLimit}");
    }
}
