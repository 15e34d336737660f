using System.Net.Http.Json;
using System.Text.Json;
using Edge.Agent.Tests.Support;
using Edge.Contracts;
using Edge.Contracts.Agent;
using Edge.Contracts.Presence;
using Edge.TestKit;

namespace Edge.Agent.Tests.Alerts;

/// <summary>
/// One store for an alert test: real broker, the real agent (SQLite file in a temp folder) on a fake clock, and a bus
/// probe on the staff-alert and outbox topics. Zone "tv" sells electronics (high consideration) with neighbour "audio".
/// </summary>
internal sealed class AlertScenario : FakeClockStore
{
    public const string WearableToken = "wearable-secret";
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    private AlertScenario((MosquittoBroker, TestAgent, BusProbe, FakeTimeProvider) parts)
        : base(parts)
    {
    }

    public static async Task<AlertScenario> StartAsync(IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var values = new Dictionary<string, string>
        {
            ["EdgeAgent:Api:WearableToken"] = WearableToken,
            ["EdgeAgent:Alerts:Zones:tv:Category"] = "electronics",
            ["EdgeAgent:Alerts:Zones:tv:Neighbours:0"] = "audio",
            ["EdgeAgent:Alerts:Zones:grocery:Category"] = "grocery",
            ["EdgeAgent:Alerts:AnyZoneFallback"] = "false",
            ["EdgeAgent:Alerts:ClaimTimeout"] = "00:00:30",
            ["EdgeAgent:Offers:HoldoutShare"] = "1", // offers stay out of the way: every member is control
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        return new AlertScenario(await StartPartsAsync(values, WearableToken, [AgentTopics.StaffAlerts + "/#", LocalTopics.Outbox + "/" + OutboxStreams.AlertOutcomes, "store/wearables/+/status"], services));
    }

    public async Task ClerkAsync(string clerkId, string zone, bool busy = false, bool onShift = true)
    {
        using var response = await Agent.Http.PutAsJsonAsync(AgentRoutes.ClerkStatusFor(clerkId), new ClerkStatusRequest(onShift, busy, zone), AgentApiJsonContext.Default.ClerkStatusRequest);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }

    public async Task MemberAsync(long seq, string memberId, string firstName = "Ada", string tier = "gold", bool alertConsent = true)
    {
        var delta = Support.Members.Upsert(seq, memberId, firstName, tier) with { Consent = new MemberConsent(true, true, alertConsent, true) };
        await Bus.PublishDeltaAsync(delta);
        await Eventually.TrueAsync(() => Agent.Get<Edge.Agent.Members.MemberStore>().Find(memberId) is { } m && m.Consent.StaffAlerts == alertConsent, "member " + memberId + " cached");
    }

    public Task DwellAsync(string eventId, string memberId, string zone)
    {
        var now = Time.GetUtcNow();
        var dwelled = new MemberDwelled(eventId, memberId, zone, 0.9, now, now.AddMinutes(-2));
        return Bus.PublishAsync(PresenceTopics.For(dwelled), dwelled, PresenceJsonContext.Default.PresenceEvent);
    }

    public async Task<StaffAlert> NextAlertAsync(string clerkId, Func<StaffAlert, bool>? where = null) =>
        Alert((await Bus.NextAsync(AgentTopics.StaffAlertFor(clerkId), s_wait, m => where is null || where(Alert(m)))));

    private static StaffAlert Alert(Edge.Messaging.MqttMessage message) => JsonSerializer.Deserialize(message.Payload.Span, AgentBusJsonContext.Default.StaffAlert)!;

    public async Task<StaffAlertClosed> NextClosedAsync(string clerkId) =>
        JsonSerializer.Deserialize((await Bus.NextAsync(AgentTopics.StaffAlertClosedFor(clerkId), s_wait)).Payload.Span, AgentBusJsonContext.Default.StaffAlertClosed)!;

    public Task<HttpResponseMessage> ClaimAsync(string alertId, string clerkId) =>
        Agent.Http.PostAsJsonAsync(AgentRoutes.ClaimAlertFor(alertId), new ClaimAlertRequest(clerkId), AgentApiJsonContext.Default.ClaimAlertRequest);
}
