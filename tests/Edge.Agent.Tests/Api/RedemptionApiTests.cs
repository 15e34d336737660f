using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Edge.Agent.Tests.Support;
using Edge.Contracts.Agent;
using Edge.TestKit;

namespace Edge.Agent.Tests.Api;

public sealed class RedemptionApiTests
{
    [RequiresMosquittoFact]
    public async Task PostRedemption_WrongTokenMalformedBodyUnknownCoupon_401_400_Refused()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var agent = await TestAgent.StartAsync(broker, settings: new Dictionary<string, string> { ["EdgeAgent:Api:PosToken"] = "pos-secret" });

        using var noToken = await agent.Http.PostAsJsonAsync(AgentRoutes.Redemptions, new RedeemRequest("cpn-x", "t-1"), AgentApiJsonContext.Default.RedeemRequest);
        agent.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "kiosk-secret");
        using var wrongToken = await agent.Http.PostAsJsonAsync(AgentRoutes.Redemptions, new RedeemRequest("cpn-x", "t-1"), AgentApiJsonContext.Default.RedeemRequest);
        agent.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "pos-secret");
        using var malformed = await agent.Http.PostAsync(AgentRoutes.Redemptions, new StringContent("{\"couponId\":", System.Text.Encoding.UTF8, "application/json"));
        using var unknown = await agent.Http.PostAsJsonAsync(AgentRoutes.Redemptions, new RedeemRequest("cpn-x", "t-1"), AgentApiJsonContext.Default.RedeemRequest);

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var body = await unknown.Content.ReadFromJsonAsync(AgentApiJsonContext.Default.RedeemResponse);
        Assert.False(body!.Accepted);
        Assert.Equal(RedemptionRefusal.UnknownCoupon, body.Refusal);
        Assert.Equal(2, agent.Counters.Get("api.unauthorized"));
        Assert.Equal(1, agent.Counters.Get("api.bad_request"));
    }
}
