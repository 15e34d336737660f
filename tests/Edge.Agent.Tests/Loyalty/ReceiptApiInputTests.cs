using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Edge.Contracts.Agent;
using Edge.TestKit;

namespace Edge.Agent.Tests.Loyalty;

/// <summary>
/// Bad receipts, each answered with an ApiError naming the field and counted, none booked: no token, the wearable's
/// token, a truncated JSON body, an empty transaction id, a negative quantity on line 1, a receipt dated tomorrow, one
/// 30 days old, a negative total, a member id with a slash, and a member the hub does not know (404).
/// </summary>
public sealed class ReceiptApiInputTests
{
    [RequiresMosquittoFact]
    public async Task PostReceipt_BadInputs_401_400_404WithReasonsCountedAndNothingBooked()
    {
        await using var store = await LoyaltyStore.StartAsync();
        var http = store.Agent.Http;
        var now = store.Time.GetUtcNow();

        using var anonymous = new HttpClient { BaseAddress = http.BaseAddress };
        using var noToken = await anonymous.PostAsJsonAsync(AgentRoutes.Receipts, store.Receipt("t-1"), AgentApiJsonContext.Default.PosReceipt);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wearable-secret");
        using var wearableToken = await anonymous.PostAsJsonAsync(AgentRoutes.Receipts, store.Receipt("t-1"), AgentApiJsonContext.Default.PosReceipt);
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wearableToken.StatusCode); // a known token, but not the POS's

        await ExpectAsync(await http.PostAsync(AgentRoutes.Receipts, new StringContent("{\"transactionId\":\"t-1\",", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "bad_request", "PosReceipt");
        await ExpectAsync(await PostAsync(http, store.Receipt(string.Empty)), HttpStatusCode.BadRequest, "bad_transaction_id", "transactionId");
        await ExpectAsync(await PostAsync(http, store.Receipt("t-1") with { Lines = [new PosReceiptLine("p-1", "X", 1, 1), new PosReceiptLine("p-2", "X", -2, 1)] }),
            HttpStatusCode.BadRequest, "bad_line", "lines[1]");
        await ExpectAsync(await PostAsync(http, store.Receipt("t-1") with { OccurredAt = now.AddDays(1) }), HttpStatusCode.BadRequest, "bad_occurred_at", "occurredAt");
        await ExpectAsync(await PostAsync(http, store.Receipt("t-1") with { OccurredAt = now.AddDays(-30) }), HttpStatusCode.BadRequest, "bad_occurred_at", "occurredAt");
        await ExpectAsync(await PostAsync(http, store.Receipt("t-1", total: -5m)), HttpStatusCode.BadRequest, "bad_total", "total");
        await ExpectAsync(await PostAsync(http, store.Receipt("t-1", memberId: "m/1")), HttpStatusCode.BadRequest, "bad_member_id", "memberId");
        await ExpectAsync(await PostAsync(http, store.Receipt("t-1", memberId: "m-404")), HttpStatusCode.NotFound, "unknown_member", "member");

        Assert.Equal((1, 1), (store.Agent.Counters.Get("api.unauthorized"), store.Agent.Counters.Get("api.forbidden")));
        Assert.Equal(7, store.Agent.Counters.Get("api.bad_request"));
        Assert.Equal(7, store.Agent.Counters.Get("loyalty.receipt_invalid"));
        Assert.Equal(1, store.Agent.Counters.Get("loyalty.receipt_unknown_member"));
        Assert.Equal(0, store.Count("SELECT count(*) FROM receipts;"));

        // The store keeps working: the same transaction, correct this time, is booked; an anonymous one stamps nothing.
        Assert.Equal(new PosReceiptResult("t-1", false, 1, 10), await store.PostAsync(store.Receipt("t-1")));
        Assert.Equal(new PosReceiptResult("t-anon", false, 0, 0), await store.PostAsync(store.Receipt("t-anon", memberId: null)));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, PosReceipt receipt) =>
        http.PostAsJsonAsync(AgentRoutes.Receipts, receipt, AgentApiJsonContext.Default.PosReceipt);

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status, string code, string mentioned)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            var error = await response.Content.ReadFromJsonAsync(AgentApiJsonContext.Default.ApiError);
            Assert.Equal(code, error!.Code);
            Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
        }
    }
}
