using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Edge.Contracts.Agent;
using Edge.Contracts.Cloud;
using Edge.TestKit;

namespace Edge.Agent.Tests.Kiosk;

public sealed class ProductAndReviewTests
{
    private static AgentApiJsonContext J => KioskHarness.Json;

    [RequiresMosquittoFact]
    public async Task Products_SeedThenCatalogDownMessage_SearchLookupStockOnceper_SequenceBadProductsRefusedAlone()
    {
        await using var h = await KioskHarness.StartAsync(new Dictionary<string, string> { ["EdgeAgent:Products:LowStockThreshold"] = "5" });

        var milk = await SearchAsync(h, "MILK");
        Assert.Equal(["p-oat", "p-milk"], milk.Select(p => p.ProductId).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal("p-milk", milk[0].ProductId); // in stock before out of stock
        Assert.Equal(StockLevel.Low, milk[0].Stock);
        var coffee = await h.Kiosk.GetFromJsonAsync(AgentRoutes.ProductFor("p-coffee"), J.ProductView);
        Assert.Equal(("Friele", "7", 89.90m, StockLevel.InStock, "medium"), (coffee!.Brand, coffee.Aisle, coffee.Price, coffee.Stock, coffee.Specs!["roast"]));
        Assert.Equal(3, Assert.Single(coffee.Nearby!).OnHand);

        // The cloud's catalog: an upsert with one good and one bad product, then a replay of the same sequence.
        var update = new ProductCatalogUpdate(false,
        [
            new CatalogProduct("p-tea", "Green tea 20 bags", "tea", 39m, "Lipton", "8", OnHand: 12),
            new CatalogProduct("p-bad", "", "tea", -1m),
            new CatalogProduct("p-coffee", "Coffee beans 500 g", "coffee", 79.90m, "Friele", "7", OnHand: 0),
        ]);
        await PublishCatalogAsync(h, 1, update);
        await Support.Eventually.TrueAsync(() => h.Agent.Counters.Get("products.catalog_applied") == 1, "catalog applied");
        await PublishCatalogAsync(h, 1, update with { Products = [new CatalogProduct("p-late", "Late", "tea", 1m)] });
        await h.Bus.PublishRawAsync(CloudTopics.LocalDownFor(DownKinds.ProductCatalog), "{not json");
        await Support.Eventually.TrueAsync(() => h.Agent.Counters.Get("products.message_duplicate") == 1 && h.Agent.Counters.Get("products.message_malformed") == 1, "replay and garbage counted");

        Assert.Equal(["p-tea"], (await SearchAsync(h, "tea")).Select(p => p.ProductId));
        Assert.Equal(1, h.Agent.Counters.Get("products.rejected"));
        var updated = await h.Kiosk.GetFromJsonAsync(AgentRoutes.ProductFor("p-coffee"), J.ProductView);
        Assert.Equal((79.90m, StockLevel.OutOfStock), (updated!.Price, updated.Stock));

        // A full catalog replaces everything.
        await PublishCatalogAsync(h, 2, new ProductCatalogUpdate(true, [new CatalogProduct("p-tea", "Green tea 20 bags", "tea", 39m)]));
        await Support.Eventually.TrueAsync(() => h.Agent.Counters.Get("products.catalog_applied") == 2, "full catalog applied");
        Assert.Empty(await SearchAsync(h, "milk"));

        // A "full" message without a product list is malformed, not an order to erase the catalog.
        await h.Bus.PublishAsync(
            CloudTopics.LocalDownFor(DownKinds.ProductCatalog),
            new LocalDownEvent("product-catalog:3", DownKinds.ProductCatalog, 3, DateTimeOffset.UnixEpoch, JsonDocument.Parse("{\"full\":true}").RootElement),
            CloudJsonContext.Default.LocalDownEvent);
        await Support.Eventually.TrueAsync(() => h.Agent.Counters.Get("products.message_malformed") == 2, "list-less catalog refused");
        Assert.Single(await SearchAsync(h, "tea"));

        // Bad input tried: empty q, q over 100 characters, limit 0 / 51 / "x", a product id with a space; unknown id is 404.
        Assert.Equal((HttpStatusCode.BadRequest, "bad_query"), await GetErrorAsync(h, AgentRoutes.Products + "?q="));
        Assert.Equal((HttpStatusCode.BadRequest, "bad_query"), await GetErrorAsync(h, AgentRoutes.Products + "?q=" + new string('a', 101)));
        Assert.Equal((HttpStatusCode.BadRequest, "bad_limit"), await GetErrorAsync(h, AgentRoutes.Products + "?q=tea&limit=0"));
        Assert.Equal((HttpStatusCode.BadRequest, "bad_limit"), await GetErrorAsync(h, AgentRoutes.Products + "?q=tea&limit=51"));
        Assert.Equal((HttpStatusCode.BadRequest, "bad_limit"), await GetErrorAsync(h, AgentRoutes.Products + "?q=tea&limit=x"));
        Assert.Equal((HttpStatusCode.BadRequest, "bad_product_id"), await GetErrorAsync(h, AgentRoutes.ProductFor("p milk")));
        Assert.Equal((HttpStatusCode.NotFound, "unknown_product"), await GetErrorAsync(h, AgentRoutes.ProductFor("p-none")));
        Assert.Equal(6, h.Agent.Counters.Get("api.bad_request"));
    }

    [RequiresMosquittoFact]
    public async Task Reviews_ModerationVerifiedBadgeHistogramOnePerMember_EventInOutbox()
    {
        await using var h = await KioskHarness.StartAsync();
        await h.AddMemberAsync(1, "m-ada", "Ada", KioskHarness.Phone);
        await h.AddMemberAsync(2, "m-bo", "Bo", "+4799999999");
        var ada = await h.LoginPhoneAsync();
        var bo = await h.LoginPhoneAsync("+4799999999");

        // Ada redeems her p-coffee coupon at the POS: her review is a verified purchase, Bo's is not.
        var coupon = (await h.Kiosk.GetFromJsonAsync(AgentRoutes.SessionOffersFor(ada.SessionId), J.MemberOffersResponse))!.Offers.Single(o => o.ProductId == "p-coffee");
        using (var redeemed = await h.Pos.PostAsJsonAsync(AgentRoutes.Redemptions, new RedeemRequest(coupon.CouponId, "txn-1"), J.RedeemRequest))
        {
            Assert.True((await redeemed.Content.ReadFromJsonAsync(J.RedeemResponse))!.Accepted);
        }

        var adas = await PostAsync(h, "p-coffee", new PostReviewRequest(ada.SessionId, 5, "Great beans! Mail me at ada@example.com or call +47 912 34 567."));
        var bos = await PostAsync(h, "p-coffee", new PostReviewRequest(bo.SessionId, 3, "  Fine, a bit bitter.  "));
        Assert.True(adas.Published);
        Assert.Equal("Great beans! Mail me at [email removed] or call [phone removed].", adas.Review!.Text);
        Assert.True(adas.Review.VerifiedPurchase);
        Assert.Equal("Ada", adas.Review.AuthorFirstName);
        Assert.Equal(("Fine, a bit bitter.", false), (bos.Review!.Text, bos.Review.VerifiedPurchase));

        // Refused by moderation (200, Published false, a reason), nothing stored.
        Assert.Equal("profanity", (await PostAsync(h, "p-milk", new PostReviewRequest(bo.SessionId, 1, "This milk is SH1T"))).Reason);
        Assert.Equal("payment_card", (await PostAsync(h, "p-milk", new PostReviewRequest(bo.SessionId, 1, "paid with 4111 1111 1111 1111 lol"))).Reason);
        Assert.Equal("link", (await PostAsync(h, "p-milk", new PostReviewRequest(bo.SessionId, 1, "cheaper at https://example.com/milk"))).Reason);

        // Bad input: rating 0 and 6, empty and 2001-character text, unknown and malformed product, unknown session, second review.
        var bad = new List<(string Product, PostReviewRequest Request, HttpStatusCode Status, string Code)>
        {
            ("p-milk", new(bo.SessionId, 0, "Nice"), HttpStatusCode.BadRequest, "bad_rating"),
            ("p-milk", new(bo.SessionId, 6, "Nice"), HttpStatusCode.BadRequest, "bad_rating"),
            ("p-milk", new(bo.SessionId, 4, "  "), HttpStatusCode.BadRequest, "text_too_short"),
            ("p-milk", new(bo.SessionId, 4, new string('a', 2001)), HttpStatusCode.BadRequest, "text_too_long"),
            ("p-none", new(bo.SessionId, 4, "Nice"), HttpStatusCode.NotFound, "unknown_product"),
            ("p none", new(bo.SessionId, 4, "Nice"), HttpStatusCode.BadRequest, "bad_product_id"),
            ("p-milk", new("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 4, "Nice"), HttpStatusCode.NotFound, "session_not_found"),
            ("p-coffee", new(ada.SessionId, 1, "Changed my mind"), HttpStatusCode.Conflict, "already_reviewed"),
        };
        foreach (var (product, request, status, code) in bad)
        {
            using var response = await h.Kiosk.PostAsJsonAsync(AgentRoutes.ProductReviewsFor(product), request, J.PostReviewRequest);
            Assert.True(status == response.StatusCode, $"{code}: got {response.StatusCode}");
            Assert.Equal(code, (await KioskHarness.ErrorOf(response)).Code);
        }

        var reviews = await h.Kiosk.GetFromJsonAsync(AgentRoutes.ProductReviewsFor("p-coffee") + "?limit=10", J.ProductReviews);
        Assert.Equal((2, 4.0), (reviews!.Count, reviews.AverageRating));
        Assert.Equal([0, 0, 1, 0, 1], reviews.Histogram);
        Assert.Equal(0, (await h.Kiosk.GetFromJsonAsync(AgentRoutes.ProductReviewsFor("p-milk"), J.ProductReviews))!.Count);
        var sent = h.Outbox(OutboxStreams.Reviews);
        Assert.Equal(["review:" + adas.Review.ReviewId, "review:" + bos.Review.ReviewId], sent.Select(s => s.MessageId));
        Assert.Equal(adas.Review.Text, sent[0].Body.GetProperty("text").GetString());
        Assert.Equal(1, h.Agent.Counters.Get("reviews.refused.profanity"));
    }

    private static Task PublishCatalogAsync(KioskHarness h, long sequence, ProductCatalogUpdate update) =>
        h.Bus.PublishAsync(
            CloudTopics.LocalDownFor(DownKinds.ProductCatalog),
            new LocalDownEvent("product-catalog:" + sequence, DownKinds.ProductCatalog, sequence, DateTimeOffset.UnixEpoch,
                JsonSerializer.SerializeToElement(update, AgentEventJsonContext.Default.ProductCatalogUpdate)),
            CloudJsonContext.Default.LocalDownEvent);

    private static async Task<IReadOnlyList<ProductView>> SearchAsync(KioskHarness h, string q) =>
        (await h.Kiosk.GetFromJsonAsync($"{AgentRoutes.Products}?q={Uri.EscapeDataString(q)}&limit=10", J.ProductSearchResponse))!.Products;

    private static async Task<PostReviewResponse> PostAsync(KioskHarness h, string productId, PostReviewRequest request)
    {
        using var response = await h.Kiosk.PostAsJsonAsync(AgentRoutes.ProductReviewsFor(productId), request, J.PostReviewRequest);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(J.PostReviewResponse))!;
    }

    private static async Task<(HttpStatusCode, string)> GetErrorAsync(KioskHarness h, string route)
    {
        using var response = await h.Kiosk.GetAsync(route);
        return (response.StatusCode, (await KioskHarness.ErrorOf(response)).Code);
    }
}
