using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Edge.Contracts.Agent;
using Edge.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Edge.Kiosk.Tests.Harness;

/// <summary>
/// An in-process stand-in for edge-agent's local API (Edge.Contracts.Agent.AgentRoutes, same JSON context), on a free
/// loopback port, so browser journeys run without the real edge-agent. It checks the bearer token, knows one member
/// (Jane, PIN 1234, phone +4712345678), three products, moderates reviews containing "badword", and records what
/// the kiosk sent.
/// </summary>
public sealed class FakeAgent : IAsyncDisposable
{
    public const string Token = "kiosk-test-token";
    public const string MemberId = "m-jane";
    public const string Pin = "1234";
    public const string Phone = "+4712345678";
    public const string QrToken = "m-jane.123.abcdef0123456789";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _sessions = new();
    private readonly ConcurrentDictionary<string, OfferView> _offers = new();
    private readonly List<string> _wishes = []; // newest first, like the agent; guarded by itself

    private FakeAgent(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public ConcurrentQueue<PostReviewRequest> Reviews { get; } = new();

    public ConcurrentQueue<string> Logins { get; } = new();

    public int Draws;

    public int Shares;

    public const int WishListCapacity = 3;

    /// <summary>Jane has reviewed before (badge earned) and is 2 of 3 days into this month's check-in challenge.</summary>
    public static AchievementsResponse Achievements => new(
        [new BadgeView("first-review", true, 1, 1), new BadgeView("first-draw", false, 0, 1), new BadgeView("check-ins", false, 2, 5)],
        [new ChallengeView("check-in-days-month", 2, 3, false, new DateOnly(2026, 11, 30))]);

    public static OfferView Coffee => new("c-coffee", "o-coffee", "Coffee beans 500 g", "p-coffee", "coffee", DiscountKind.Percent, 20m,
        new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero), CouponStatus.Issued, DecisionSource.Model);

    public static readonly ProductView[] Products =
    [
        new("p-coffee", "Coffee beans 500 g", "coffee", 89.90m, "7", 24, StockLevel.InStock),
        new("p-milk", "Organic milk 1 l", "dairy", 21.50m, "2", 3, StockLevel.Low),
        new("p-oat", "Oat milk 1 l", "dairy", 27.00m, "2", 0, StockLevel.OutOfStock),
    ];

    /// <summary>A session as if the member had logged in earlier (e.g. before edge-agent restarted).</summary>
    public void AddSession(string sessionId) => _sessions[sessionId] = MemberId;

    public static async Task<FakeAgent> StartAsync(int? port = null)
    {
        var p = port ?? FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var agent = new FakeAgent(app, p);
        agent.Map(app);
        await app.StartAsync();
        return agent;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static IResult Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, int status = 200) =>
        Results.Json(value, type, statusCode: status);

    private static IResult Error(HttpStatusCode status, string code) =>
        Json(new ApiError(code, code), AgentApiJsonContext.Default.ApiError, (int)status);

    private void Map(WebApplication app)
    {
        var j = AgentApiJsonContext.Default;
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization != "Bearer " + Token)
            {
                await Error(HttpStatusCode.Unauthorized, "unauthorized").ExecuteAsync(context);
                return;
            }

            await next(context);
        });

        app.MapPost(AgentRoutes.LoginProximity, async (HttpRequest r) =>
        {
            var body = await r.ReadFromJsonAsync(j.ProximityLoginRequest);
            return Login(body?.MemberId == MemberId && body.Pin == Pin, "proximity");
        });
        app.MapPost(AgentRoutes.LoginPhone, async (HttpRequest r) =>
        {
            var body = await r.ReadFromJsonAsync(j.PhoneLoginRequest);
            return Login(body?.Phone == Phone && body.Pin == Pin, "phone");
        });
        app.MapPost(AgentRoutes.LoginQr, async (HttpRequest r) =>
        {
            var body = await r.ReadFromJsonAsync(j.QrLoginRequest);
            return Login(body?.PairingToken == QrToken, "qr");
        });
        app.MapGet(AgentRoutes.Session, (string sessionId) => WithSession(sessionId, () => Json(Summary(), j.MemberSummary)));
        app.MapDelete(AgentRoutes.Session, (string sessionId) =>
        {
            _sessions.TryRemove(sessionId, out _);
            return Results.NoContent();
        });
        app.MapGet(AgentRoutes.SessionOffers, (string sessionId) => WithSession(sessionId, () =>
            Json(new MemberOffersResponse([_offers.GetOrAdd(Coffee.CouponId, Coffee)]), j.MemberOffersResponse)));
        app.MapPost(AgentRoutes.SaveOffer, (string sessionId, string couponId) => WithSession(sessionId, () =>
            _offers.TryGetValue(couponId, out var o)
                ? Json(_offers[couponId] = o with { Status = CouponStatus.SavedToApp }, j.OfferView)
                : Error(HttpStatusCode.NotFound, "unknown_coupon")));
        app.MapPost(AgentRoutes.CheckIn, (string sessionId) => WithSession(sessionId, () => Json(new CheckInResponse(true, 10, new DateOnly(2026, 11, 23)), j.CheckInResponse)));
        app.MapPost(AgentRoutes.PrizeDraw, (string sessionId) => WithSession(sessionId, () =>
        {
            Interlocked.Increment(ref Draws);
            return Json(new PrizeDrawResponse("d-1", true, "Free coffee", false), j.PrizeDrawResponse);
        }));
        app.MapPost(AgentRoutes.Spin, (string sessionId) => WithSession(sessionId, () =>
            Json(new SpinResponse("s-1", 2, [new("Try again", 0, null), new("10 points", 10, null), new("50 points", 50, null), new("Tote bag", 0, "Tote bag")]), j.SpinResponse)));
        app.MapPost(AgentRoutes.ShareVisit, (string sessionId) => WithSession(sessionId, () =>
            Json(Interlocked.Increment(ref Shares) == 1 ? new ShareVisitResponse(true, 5, new DateOnly(2026, 11, 23)) : new ShareVisitResponse(false, 0, new DateOnly(2026, 11, 23)), j.ShareVisitResponse)));
        app.MapGet(AgentRoutes.Achievements, (string sessionId) => WithSession(sessionId, () => Json(Achievements, j.AchievementsResponse)));
        app.MapGet(AgentRoutes.WishList, (string sessionId) => WithSession(sessionId, WishList));
        app.MapPut(AgentRoutes.WishListItem, (string sessionId, string productId) => WithSession(sessionId, () =>
        {
            if (Products.All(p => p.ProductId != productId))
            {
                return Error(HttpStatusCode.NotFound, "unknown_product");
            }

            lock (_wishes)
            {
                if (!_wishes.Contains(productId))
                {
                    if (_wishes.Count >= WishListCapacity)
                    {
                        return Error(HttpStatusCode.Conflict, "wish_list_full");
                    }

                    _wishes.Insert(0, productId);
                }
            }

            return WishList();
        }));
        app.MapDelete(AgentRoutes.WishListItem, (string sessionId, string productId) => WithSession(sessionId, () =>
        {
            lock (_wishes)
            {
                _wishes.Remove(productId);
            }

            return WishList();
        }));
        app.MapGet(AgentRoutes.Products, (string? q, int? limit) =>
            Json(new ProductSearchResponse([.. Products.Where(p => q is null || p.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || p.Category.Contains(q, StringComparison.OrdinalIgnoreCase)).Take(limit ?? 20)]), j.ProductSearchResponse));
        app.MapGet(AgentRoutes.Product, (string productId) => Products.FirstOrDefault(p => p.ProductId == productId) is { } p
            ? Json(p, j.ProductView)
            : Error(HttpStatusCode.NotFound, "unknown_product"));
        app.MapGet(AgentRoutes.ProductReviews, (string productId) =>
        {
            var list = Reviews.Where(_ => true).Select((r, i) => new ReviewView("r-" + i, productId, r.Rating, r.Text, "Jane", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero))).Reverse().ToList();
            var histogram = Enumerable.Range(1, 5).Select(s => list.Count(r => r.Rating == s) + (s == 4 ? 2 : 0)).ToList();
            var count = histogram.Sum();
            var average = count == 0 ? 0 : histogram.Select((c, i) => c * (i + 1)).Sum() / (double)count;
            return Json(new ProductReviews(productId, count, average, histogram, list), j.ProductReviews);
        });
        app.MapPost(AgentRoutes.ProductReviews, async (string productId, HttpRequest r) =>
        {
            var body = await r.ReadFromJsonAsync(j.PostReviewRequest);
            if (body is null || !_sessions.ContainsKey(body.SessionId))
            {
                return Error(HttpStatusCode.Unauthorized, "session_expired");
            }

            if (body.Text.Length > 2000 || body.Rating is < 1 or > 5)
            {
                return Error(HttpStatusCode.BadRequest, "bad_review");
            }

            if (body.Text.Contains("badword", StringComparison.OrdinalIgnoreCase))
            {
                return Json(new PostReviewResponse(false, null, "profanity"), j.PostReviewResponse);
            }

            Reviews.Enqueue(body);
            return Json(new PostReviewResponse(true, new ReviewView("r-new", productId, body.Rating, body.Text, "Jane", DateTimeOffset.UnixEpoch), null), j.PostReviewResponse);
        });
    }

    private IResult Login(bool ok, string how)
    {
        if (!ok)
        {
            return Error(HttpStatusCode.Unauthorized, "login_failed");
        }

        var id = Guid.NewGuid().ToString("N");
        _sessions[id] = MemberId;
        Logins.Enqueue(how);
        return Json(new LoginResponse(id, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), Summary()), AgentApiJsonContext.Default.LoginResponse);
    }

    private IResult WishList()
    {
        lock (_wishes)
        {
            return Json(new WishListResponse([.. _wishes.Select(id => Products.First(p => p.ProductId == id))], WishListCapacity), AgentApiJsonContext.Default.WishListResponse);
        }
    }

    private IResult WithSession(string sessionId, Func<IResult> action) =>
        _sessions.ContainsKey(sessionId) ? action() : Error(HttpStatusCode.NotFound, "session_not_found");

    private static MemberSummary Summary() =>
        new(MemberId, "Jane", "gold", 1250, 40, [new PunchCardView("pc-coffee", "Coffee card", 6, 10, 1, "Free coffee")]);
}
