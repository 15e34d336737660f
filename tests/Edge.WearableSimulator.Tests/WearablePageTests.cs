using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Edge.Contracts.Agent;
using Edge.Messaging;
using Edge.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;

namespace Edge.WearableSimulator.Tests;

/// <summary>
/// The simulator as a process with a real broker and a stand-in edge-agent (the agent's API contract, served by a
/// minimal app in the test). Bad input tried: an alert payload that is not JSON.
/// </summary>
public sealed class WearablePageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [RequiresMosquittoFact]
    public async Task Alert_RoutedThenClaimedThenClosed_PageFollowsAndAgentGetsTheClaim()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var checkedIn = new TaskCompletionSource<(string Clerk, ClerkStatusRequest Status)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var claimed = new TaskCompletionSource<(string Alert, string? Auth, ClaimAlertRequest Claim)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var agent = await FakeAgentAsync(checkedIn, claimed);
        var pagePort = FreePort.Next();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{pagePort.ToString(CultureInfo.InvariantCulture)}") };
        using var configDir = new TempDirectory();
        await using var page = ServiceProcess.Start(ServiceProcess.BinaryPath("hq/Edge.WearableSimulator", "wearable-simulator.dll"), new Dictionary<string, string?>
        {
            ["EDGE_CONFIG_DIR"] = configDir.Path,
            ["Edge__Broker__Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["WearableSimulator__Url"] = http.BaseAddress.ToString().TrimEnd('/'),
            ["WearableSimulator__AgentUrl"] = agent.Urls.First(),
            ["WearableSimulator__AgentToken"] = "wearable-token",
        });
        await using var bus = new MqttClientFactory().Create(new MqttClientOptions { Server = broker.Uri });
        await bus.ConnectAsync().WaitAsync(Timeout);

        var (clerk, status) = await checkedIn.Task.WaitAsync(Timeout);
        Assert.Equal(("clerk-ana", true, false, "zone-0"), (clerk, status.OnShift, status.Busy, status.Zone));

        await PublishAsync(bus, AgentTopics.StaffAlertFor("clerk-ana"), Encoding.UTF8.GetBytes("{ not an alert"));
        var alert = new StaffAlert("a-1", "clerk-ana", "zone-0", "Jane", "coffee machines", "high-value member dwelling", 0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(1));
        await PublishAsync(bus, AgentTopics.StaffAlertFor("clerk-ana"), JsonSerializer.SerializeToUtf8Bytes(alert, AgentBusJsonContext.Default.StaffAlert));
        var shown = await PageAsync(http, html => html.Contains("data-alert=\"a-1\"", StringComparison.Ordinal));
        Assert.Contains("Jane", shown, StringComparison.Ordinal);
        Assert.Contains("coffee machines", shown, StringComparison.Ordinal);

        using var post = await http.PostAsync("/alerts/a-1/claim", new FormUrlEncodedContent([new("clerk", "clerk-ana")]));
        var (alertId, auth, claim) = await claimed.Task.WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(("a-1", "Bearer wearable-token", "clerk-ana"), (alertId, auth, claim.ClerkId));

        var closed = new StaffAlertClosed("a-1", "claimed", "clerk-ana", DateTimeOffset.UnixEpoch);
        await PublishAsync(bus, AgentTopics.StaffAlertClosedFor("clerk-ana"), JsonSerializer.SerializeToUtf8Bytes(closed, AgentBusJsonContext.Default.StaffAlertClosed));
        var after = await PageAsync(http, html => !html.Contains("data-alert=\"a-1\"", StringComparison.Ordinal));
        Assert.Contains("Jane (zone-0): claimed by clerk-ana", after, StringComparison.Ordinal);
    }

    private static Task PublishAsync(IMqttClient bus, string topic, byte[] payload) =>
        bus.PublishAsync(new MqttMessage(topic, payload) { Retain = topic.EndsWith("ana", StringComparison.Ordinal) }).WaitAsync(Timeout);

    /// <summary>Reads the page until it shows what the test waits for (the bus delivers asynchronously).</summary>
    private static async Task<string> PageAsync(HttpClient http, Func<string, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow + Timeout;
        while (true)
        {
            string html;
            try
            {
                html = await http.GetStringAsync("/");
            }
            catch (HttpRequestException) when (DateTimeOffset.UtcNow < deadline)
            {
                continue; // not listening yet
            }

            if (done(html) || DateTimeOffset.UtcNow > deadline)
            {
                return html;
            }
        }
    }

    private static async Task<WebApplication> FakeAgentAsync(
        TaskCompletionSource<(string, ClerkStatusRequest)> checkedIn,
        TaskCompletionSource<(string, string?, ClaimAlertRequest)> claimed)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
        var app = builder.Build();
        app.MapPut(AgentRoutes.ClerkStatus, async (string clerkId, HttpRequest request) =>
        {
            checkedIn.TrySetResult((clerkId, (await JsonSerializer.DeserializeAsync(request.Body, AgentApiJsonContext.Default.ClerkStatusRequest))!));
            return Results.NoContent();
        });
        app.MapPost(AgentRoutes.ClaimAlert, async (string alertId, HttpRequest request) =>
        {
            var claim = (await JsonSerializer.DeserializeAsync(request.Body, AgentApiJsonContext.Default.ClaimAlertRequest))!;
            claimed.TrySetResult((alertId, request.Headers.Authorization.ToString(), claim));
            return Results.Json(new ClaimAlertResponse(alertId, true, claim.ClerkId), AgentApiJsonContext.Default.ClaimAlertResponse);
        });
        await app.StartAsync();
        return app;
    }
}
