using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Edge.Agent.Api;
using Edge.Contracts.Agent;
using Edge.TestKit;
using Microsoft.AspNetCore.Routing;

namespace Edge.Agent.Tests.Kiosk;

public sealed class ApiAccessTests
{
    [RequiresMosquittoFact]
    public async Task Routes_TokenMatrix_401WithoutOrWithUnknownToken_403ForAnotherCallersToken()
    {
        await using var h = await KioskHarness.StartAsync();
        var kioskRoute = AgentRoutes.Products + "?q=coffee";
        var redeem = new RedeemRequest("cpn-x", "t-1");

        // (token, route) -> expected status. Tokens tried: none, an unknown one, and each caller's own.
        var cases = new List<(string? Token, string Method, string Route, HttpStatusCode Expected)>
        {
            (null, "GET", kioskRoute, HttpStatusCode.Unauthorized),
            ("not-a-known-token", "GET", kioskRoute, HttpStatusCode.Unauthorized),
            (KioskHarness.PosToken, "GET", kioskRoute, HttpStatusCode.Forbidden),
            (KioskHarness.WearableToken, "GET", kioskRoute, HttpStatusCode.Forbidden),
            (KioskHarness.ProvisioningToken, "GET", kioskRoute, HttpStatusCode.Forbidden),
            (KioskHarness.KioskToken, "GET", kioskRoute, HttpStatusCode.OK),
            (null, "POST", AgentRoutes.Redemptions, HttpStatusCode.Unauthorized),
            (KioskHarness.KioskToken, "POST", AgentRoutes.Redemptions, HttpStatusCode.Forbidden),
            (KioskHarness.WearableToken, "POST", AgentRoutes.Redemptions, HttpStatusCode.Forbidden),
            (KioskHarness.PosToken, "POST", AgentRoutes.Redemptions, HttpStatusCode.OK),
            (KioskHarness.PosToken, "POST", AgentRoutes.LoginPhone, HttpStatusCode.Forbidden),
            (KioskHarness.PosToken, "GET", AgentRoutes.SessionFor("abcdefghijklmnopqrstuvwxyz"), HttpStatusCode.Forbidden),
            (KioskHarness.WearableToken, "POST", AgentRoutes.SpinFor("abcdefghijklmnopqrstuvwxyz"), HttpStatusCode.Forbidden),
            ("Bearer-less", "GET", AgentRoutes.ProductReviewsFor("p-coffee"), HttpStatusCode.Unauthorized),
            (null, "GET", AgentRoutes.Status, HttpStatusCode.OK),
            (null, "GET", AgentRoutes.OpenApi, HttpStatusCode.OK),
        };

        foreach (var (token, method, route, expected) in cases)
        {
            using var http = h.Client(token);
            using var response = method == "GET"
                ? await http.GetAsync(route)
                : await http.PostAsJsonAsync(route, redeem, KioskHarness.Json.RedeemRequest);
            Assert.True(expected == response.StatusCode, $"{method} {route} with token '{token}': expected {expected}, got {response.StatusCode}");
            if (expected is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                Assert.Equal(expected == HttpStatusCode.Unauthorized ? "unauthorized" : "forbidden", (await KioskHarness.ErrorOf(response)).Code);
            }
        }

        Assert.Equal(4, h.Agent.Counters.Get("api.unauthorized"));
        Assert.Equal(8, h.Agent.Counters.Get("api.forbidden"));

        // Status: public name and version; the provisioning token also sees the counters.
        using var provisioning = h.Client(KioskHarness.ProvisioningToken);
        var status = JsonDocument.Parse(await provisioning.GetStringAsync(AgentRoutes.Status)).RootElement;
        Assert.Equal(8, status.GetProperty("counters").GetProperty("api.forbidden").GetInt64());
        var anonymous = JsonDocument.Parse(await h.Client(null).GetStringAsync(AgentRoutes.Status)).RootElement;
        Assert.False(anonymous.TryGetProperty("counters", out _));
    }

    [RequiresMosquittoFact]
    public async Task MappedRoutes_EveryApiRouteButStatus_HasACallerFilter()
    {
        await using var h = await KioskHarness.StartAsync();
        var endpoints = h.Agent.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith(AgentRoutes.Prefix, StringComparison.Ordinal) && e.RoutePattern.RawText != AgentRoutes.Status)
            .ToList();

        Assert.True(endpoints.Count >= 14, $"only {endpoints.Count} API endpoints mapped");
        Assert.All(endpoints, e => Assert.True(e.Metadata.GetMetadata<RequiredCallers>() is { Callers.Count: > 0 }, e.RoutePattern.RawText + " has no RequireCaller"));
    }

    [RequiresMosquittoFact]
    public async Task OpenApi_WithoutToken_ListsEveryMappedRouteAndTheKioskAndPosContract()
    {
        await using var h = await KioskHarness.StartAsync();
        using var anonymous = h.Client(null);

        using var response = await anonymous.GetAsync(AgentRoutes.OpenApi);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        var mapped = h.Agent.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!).Where(r => r.StartsWith(AgentRoutes.Prefix, StringComparison.Ordinal)).Distinct().ToList();
        Assert.All(mapped, route => Assert.Contains(route, paths));

        // The kiosk's and POS's routes by name, so a route that is not mapped at all fails here too.
        string[] contract =
        [
            AgentRoutes.Status, AgentRoutes.LoginProximity, AgentRoutes.LoginPhone, AgentRoutes.LoginQr, AgentRoutes.Session, AgentRoutes.SessionOffers,
            AgentRoutes.SaveOffer, AgentRoutes.CheckIn, AgentRoutes.PrizeDraw, AgentRoutes.Spin, AgentRoutes.Products, AgentRoutes.Product,
            AgentRoutes.ProductReviews, AgentRoutes.Redemptions,
        ];
        Assert.All(contract, route => Assert.Contains(route, paths));

        // Request and response shapes come from the contract records.
        var login = document.GetProperty("paths").GetProperty(AgentRoutes.LoginPhone).GetProperty("post");
        Assert.Contains("PhoneLoginRequest", login.GetProperty("requestBody").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("LoginResponse", login.GetProperty("responses").GetProperty("200").GetRawText(), StringComparison.Ordinal);
        Assert.True(login.GetProperty("responses").TryGetProperty("403", out _));
    }

    [Fact]
    public void Options_SameTokenForTwoCallers_RefusedNamingTheKey()
    {
        var options = new AgentApiOptions { PosToken = "same-token-123", KioskToken = "same-token-123", WearableToken = "short" };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        var valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains(results, r => r.MemberNames.Contains("PosToken") && r.ErrorMessage!.Contains("KioskToken", StringComparison.Ordinal));
        Assert.Contains(results, r => r.MemberNames.Contains("WearableToken") && r.ErrorMessage!.Contains("at least 8", StringComparison.Ordinal));
    }
}
