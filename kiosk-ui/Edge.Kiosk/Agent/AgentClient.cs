using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Edge.Contracts.Agent;
using Edge.Kiosk.Hosting;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace Edge.Kiosk.Agent;

/// <summary>
/// Typed client of edge-agent's local API (<see cref="AgentRoutes"/>, JSON through <see cref="AgentApiJsonContext"/>):
/// the kiosk's bearer token on every call, a Polly timeout per call (<see cref="KioskOptions.AgentTimeout"/>), no
/// retries (a shopper is waiting; the page says the service is unavailable instead). Transport failures, timeouts and
/// 5xx become <see cref="AgentUnavailableException"/>; other non-2xx become <see cref="AgentRefusedException"/>.
/// </summary>
internal sealed class AgentClient
{
    public const string HttpClientName = "edge-agent";

    private readonly IHttpClientFactory _httpClients;
    private readonly Uri _baseAddress;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly ResiliencePipeline _pipeline;
    private readonly string _kioskId;
    private readonly ILogger<AgentClient> _logger;

    public AgentClient(IHttpClientFactory httpClients, IOptions<KioskOptions> options, TimeProvider time, ILogger<AgentClient> logger)
    {
        var o = options.Value;
        _httpClients = httpClients;
        _baseAddress = new Uri(o.AgentUrl);
        _authorization = string.IsNullOrEmpty(o.AgentToken) ? null : new AuthenticationHeaderValue("Bearer", o.AgentToken);

        _kioskId = o.KioskId;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(o.AgentTimeout).Build();
    }

    private static AgentApiJsonContext Json => AgentApiJsonContext.Default;

    /// <summary>Null when the agent says the member, PIN, phone or token is wrong (401 login_failed).</summary>
    public Task<LoginResponse?> LoginProximityAsync(string memberId, string pin, CancellationToken ct) =>
        LoginAsync(AgentRoutes.LoginProximity, JsonContent.Create(new ProximityLoginRequest(_kioskId, memberId, pin), Json.ProximityLoginRequest), ct);

    public Task<LoginResponse?> LoginPhoneAsync(string phone, string pin, CancellationToken ct) =>
        LoginAsync(AgentRoutes.LoginPhone, JsonContent.Create(new PhoneLoginRequest(_kioskId, phone, pin), Json.PhoneLoginRequest), ct);

    public Task<LoginResponse?> LoginQrAsync(string pairingToken, CancellationToken ct) =>
        LoginAsync(AgentRoutes.LoginQr, JsonContent.Create(new QrLoginRequest(_kioskId, pairingToken), Json.QrLoginRequest), ct);

    public Task<MemberSummary> GetSummaryAsync(string sessionId, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, AgentRoutes.SessionFor(sessionId), null, Json.MemberSummary, ct);

    public async Task LogoutAsync(string sessionId, CancellationToken ct) =>
        await SendAsync<ApiError>(HttpMethod.Delete, AgentRoutes.SessionFor(sessionId), null, null, ct);

    public Task<MemberOffersResponse> GetOffersAsync(string sessionId, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, AgentRoutes.SessionOffersFor(sessionId), null, Json.MemberOffersResponse, ct);

    public Task<OfferView> SaveOfferAsync(string sessionId, string couponId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, AgentRoutes.SaveOfferFor(sessionId, couponId), null, Json.OfferView, ct);

    public Task<CheckInResponse> CheckInAsync(string sessionId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, AgentRoutes.CheckInFor(sessionId), null, Json.CheckInResponse, ct);

    public Task<PrizeDrawResponse> DrawAsync(string sessionId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, AgentRoutes.PrizeDrawFor(sessionId), null, Json.PrizeDrawResponse, ct);

    public Task<SpinResponse> SpinAsync(string sessionId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, AgentRoutes.SpinFor(sessionId), null, Json.SpinResponse, ct);

    public Task<ShareVisitResponse> ShareVisitAsync(string sessionId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, AgentRoutes.ShareVisitFor(sessionId), null, Json.ShareVisitResponse, ct);

    public Task<AchievementsResponse> GetAchievementsAsync(string sessionId, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, AgentRoutes.AchievementsFor(sessionId), null, Json.AchievementsResponse, ct);

    public Task<WishListResponse> GetWishListAsync(string sessionId, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, AgentRoutes.WishListFor(sessionId), null, Json.WishListResponse, ct);

    /// <summary>Adds (<paramref name="add"/>) or removes the product; the agent answers with the whole list. 409 wish_list_full when it is full.</summary>
    public Task<WishListResponse> ChangeWishListAsync(string sessionId, string productId, bool add, CancellationToken ct) =>
        SendAsync(add ? HttpMethod.Put : HttpMethod.Delete, AgentRoutes.WishListItemFor(sessionId, productId), null, Json.WishListResponse, ct);

    public Task<ProductSearchResponse> SearchProductsAsync(string query, int limit, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"{AgentRoutes.Products}?q={Uri.EscapeDataString(query)}&limit={limit}", null, Json.ProductSearchResponse, ct);

    public Task<ProductView> GetProductAsync(string productId, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, AgentRoutes.ProductFor(productId), null, Json.ProductView, ct);

    public Task<ProductReviews> GetReviewsAsync(string productId, int limit, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"{AgentRoutes.ProductReviewsFor(productId)}?limit={limit}", null, Json.ProductReviews, ct);

    public Task<PostReviewResponse> PostReviewAsync(string productId, PostReviewRequest review, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, AgentRoutes.ProductReviewsFor(productId), JsonContent.Create(review, Json.PostReviewRequest), Json.PostReviewResponse, ct);

    private async Task<LoginResponse?> LoginAsync(string route, HttpContent body, CancellationToken ct)
    {
        try
        {
            return await SendAsync(HttpMethod.Post, route, body, Json.LoginResponse, ct);
        }
        catch (AgentRefusedException ex) when (ex.Status == HttpStatusCode.Unauthorized)
        {
            return null;
        }
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string route, HttpContent? body, JsonTypeInfo<T>? type, CancellationToken ct)
    {
        try
        {
            return await _pipeline.ExecuteAsync(
                async token =>
                {
                    using var request = new HttpRequestMessage(method, new Uri(_baseAddress, route)) { Content = body };
                    request.Headers.Authorization = _authorization;
                    var http = _httpClients.CreateClient(HttpClientName);
                    http.Timeout = Timeout.InfiniteTimeSpan; // Polly owns the timeout
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
                    if ((int)response.StatusCode >= 500)
                    {
                        throw new AgentUnavailableException($"edge-agent answered {(int)response.StatusCode} on {route}");
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        ApiError? error = null;
                        try
                        {
                            error = await response.Content.ReadFromJsonAsync(Json.ApiError, token);
                        }
                        catch (System.Text.Json.JsonException)
                        {
                            // a non-JSON error body: the status says enough
                        }

                        throw new AgentRefusedException(response.StatusCode, error);
                    }

                    if (type is null)
                    {
                        return default!;
                    }

                    return await response.Content.ReadFromJsonAsync(type, token)
                        ?? throw new AgentUnavailableException($"edge-agent sent an empty body on {route}");
                },
                ct);
        }
        catch (TimeoutRejectedException ex)
        {
            KioskLog.AgentCallFailed(_logger, route, "timed out");
            throw new AgentUnavailableException($"edge-agent did not answer {route} in time", ex);
        }
        catch (HttpRequestException ex)
        {
            KioskLog.AgentCallFailed(_logger, route, ex.Message);
            throw new AgentUnavailableException($"edge-agent is not reachable ({ex.Message})", ex);
        }
        catch (System.Text.Json.JsonException ex)
        {
            KioskLog.AgentCallFailed(_logger, route, "unreadable answer: " + ex.Message);
            throw new AgentUnavailableException($"edge-agent sent an unreadable answer on {route}", ex);
        }
    }
}
