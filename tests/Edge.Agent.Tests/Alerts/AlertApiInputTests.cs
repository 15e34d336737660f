using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Edge.Agent.Alerts;
using Edge.Contracts.Agent;
using Edge.TestKit;

namespace Edge.Agent.Tests.Alerts;

/// <summary>
/// Bad input on the wearable routes, each answered with an ApiError naming the reason and counted: no token, the POS
/// token, a clerk id with a space, a body that is not JSON, an on-shift clerk without a zone, a claim of an unknown
/// alert, a claim without a clerk id, a claim by a clerk the alert was never sent to, a quiet switch with a string.
/// </summary>
public sealed class AlertApiInputTests
{
    [RequiresMosquittoFact]
    public async Task WearableRoutes_BadInputs_401_400_403_404WithReasonsAndCounted()
    {
        await using var store = await AlertScenario.StartAsync(new Dictionary<string, string> { ["EdgeAgent:Api:PosToken"] = "pos-secret" });
        var http = store.Agent.Http;
        await store.ClerkAsync("clerk-ana", "tv");
        await store.MemberAsync(1, "m-1");
        await store.DwellAsync("p-1", "m-1", "tv");
        var alert = await store.NextAlertAsync("clerk-ana");

        using var anonymous = new HttpClient { BaseAddress = http.BaseAddress };
        using var noToken = await anonymous.PutAsJsonAsync(AgentRoutes.ClerkStatusFor("clerk-ana"), new ClerkStatusRequest(true, false, "tv"), AgentApiJsonContext.Default.ClerkStatusRequest);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "pos-secret");
        using var posToken = await anonymous.PostAsJsonAsync(AgentRoutes.ClaimAlertFor(alert.AlertId), new ClaimAlertRequest("clerk-ana"), AgentApiJsonContext.Default.ClaimAlertRequest);
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, posToken.StatusCode); // a known token, but not a wearable's
        Assert.Equal((1, 1), (store.Agent.Counters.Get("api.unauthorized"), store.Agent.Counters.Get("api.forbidden")));

        await ExpectAsync(await http.PutAsJsonAsync(AgentRoutes.ClerkStatusFor("clerk ana"), new ClerkStatusRequest(true, false, "tv"), AgentApiJsonContext.Default.ClerkStatusRequest),
            HttpStatusCode.BadRequest, "bad_clerk_id");
        await ExpectAsync(await http.PutAsync(AgentRoutes.ClerkStatusFor("clerk-ana"), Json("{\"onShift\":")), HttpStatusCode.BadRequest, "bad_request");
        await ExpectAsync(await http.PutAsJsonAsync(AgentRoutes.ClerkStatusFor("clerk-ana"), new ClerkStatusRequest(true, false, null), AgentApiJsonContext.Default.ClerkStatusRequest),
            HttpStatusCode.BadRequest, "bad_zone");
        await ExpectAsync(await store.ClaimAsync("alr-nope", "clerk-ana"), HttpStatusCode.NotFound, "unknown_alert");
        await ExpectAsync(await http.PostAsync(AgentRoutes.ClaimAlertFor(alert.AlertId), Json("{}")), HttpStatusCode.BadRequest, "bad_request");
        await ExpectAsync(await store.ClaimAsync(alert.AlertId, "clerk-zed"), HttpStatusCode.Forbidden, "not_offered");
        await ExpectAsync(await http.PutAsync(AlertsRoutes.QuietMode, Json("{\"quiet\":\"yes\"}")), HttpStatusCode.BadRequest, "bad_request");

        Assert.Equal(5, store.Agent.Counters.Get("api.bad_request"));
        Assert.Equal(3, store.Agent.Counters.Get("alerts.bad_status"));
        Assert.Equal(1, store.Agent.Counters.Get("alerts.claim_notoffered"));
        // Nothing of that changed the alert: the right clerk still wins it.
        using var claim = await store.ClaimAsync(alert.AlertId, "clerk-ana");
        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            var error = await response.Content.ReadFromJsonAsync(AgentApiJsonContext.Default.ApiError);
            Assert.Equal(code, error!.Code);
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        }
    }
}
