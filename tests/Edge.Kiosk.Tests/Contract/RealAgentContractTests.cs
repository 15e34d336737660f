using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Edge.Contracts.Agent;
using Edge.Contracts.Cloud;
using Edge.Contracts.Members;
using Edge.Kiosk.Agent;
using Edge.Kiosk.Hosting;
using Edge.Messaging;
using Edge.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Edge.Kiosk.Tests.Contract;

/// <summary>
/// The other side of <see cref="Harness.FakeAgent"/>: kiosk-ui's own <see cref="AgentClient"/> against the real edge-agent
/// binary (child process, real mosquitto, real SQLite), so the contract in Edge.Contracts.Agent is proven by both sides.
/// </summary>
public sealed class RealAgentContractTests
{
    private const string KioskToken = "kiosk-contract-token";
    private const string ProvisioningToken = "provisioning-contract-token";
    private const string Phone = "+4712345678";
    private const string Pin = "2468";

    [RequiresMosquittoFact]
    public async Task AgentClient_RealEdgeAgent_LoginOffersSaveGamesProductsReviewLogout()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var dir = new TempDirectory("kiosk-real-agent");
        File.WriteAllText(dir.File("offers.json"), """
            [ { "offerId": "o-coffee", "title": "Coffee beans 500 g", "productId": "p-coffee", "category": "COFFEE", "discountKind": "Percent",
                "discountValue": 20, "value": 2, "validFrom": "2020-01-01T00:00:00Z", "validTo": "2100-01-01T00:00:00Z",
                "budget": 100, "perDayCap": 100, "perMemberCap": 1 } ]
            """);
        File.WriteAllText(dir.File("products.json"), """
            { "full": true, "products": [
              { "productId": "p-coffee", "name": "Coffee beans 500 g", "category": "coffee", "brand": "Friele", "price": 89.90, "aisle": "7", "onHand": 24 },
              { "productId": "p-milk", "name": "Organic milk 1 l", "category": "dairy", "price": 21.50, "aisle": "2", "onHand": 3 } ] }
            """);
        var url = "http://127.0.0.1:" + FreePort.Next().ToString(CultureInfo.InvariantCulture);
        await using var agent = ServiceProcess.Start(ServiceProcess.BinaryPath("edge-agent/Edge.Agent", "edge-agent.dll"), new Dictionary<string, string?>(),
        [
            "--Edge:Broker:Port=" + broker.Port.ToString(CultureInfo.InvariantCulture),
            "--Edge:Store:StoreId=contract-store", "--Edge:Store:HubId=contract-hub",
            "--EdgeAgent:Api:Url=" + url, "--EdgeAgent:Api:KioskToken=" + KioskToken, "--EdgeAgent:Api:ProvisioningToken=" + ProvisioningToken,
            "--EdgeAgent:Storage:DatabasePath=" + dir.File("agent.db"),
            "--EdgeAgent:Members:HubKeyFile=" + dir.File("hub.key"), "--EdgeAgent:Members:BeaconKeyFile=" + dir.File("keys.emk"),
            "--EdgeAgent:Members:BeaconKeyEncryptionKeyFile=" + dir.File("keys.kek"), "--EdgeAgent:Members:MinPinIterations=1000",
            "--EdgeAgent:Offers:CatalogFile=" + dir.File("offers.json"), "--EdgeAgent:Offers:HoldoutShare=0",
            "--EdgeAgent:Products:SeedFile=" + dir.File("products.json"),
        ]);
        using var status = new HttpClient { BaseAddress = new Uri(url) };
        status.DefaultRequestHeaders.Authorization = new("Bearer", ProvisioningToken);
        await UntilAsync(async () => (await TryCounterAsync(status, "members.upserted")) is not null, agent, "edge-agent answers");

        // The member, as cloud-sync forwards the cloud's delta.
        await using (var bus = new MqttClientFactory().Create(new MqttClientOptions { Server = broker.Uri, ClientId = "contract-" + Guid.NewGuid().ToString("N")[..8] }))
        {
            await bus.ConnectAsync();
            var delta = new MemberDelta(1, "m-jane", MemberDeltaKind.Upsert, "Jane", "gold", new MemberConsent(true, true, true, true), ["COFFEE"],
                PinHash.Create(Pin, 1000), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Phone))),
                Convert.ToBase64String(new byte[16]), 1250);
            await bus.PublishAsync(new MqttMessage(CloudTopics.LocalDownFor(DownKinds.MemberDelta), JsonSerializer.SerializeToUtf8Bytes(
                new LocalDownEvent("member-delta:1", DownKinds.MemberDelta, 1, DateTimeOffset.UnixEpoch, JsonSerializer.SerializeToElement(delta, AgentBusJsonContext.Default.MemberDelta)),
                CloudJsonContext.Default.LocalDownEvent)));
        }

        await UntilAsync(async () => await TryCounterAsync(status, "members.upserted") == 1, agent, "member applied");

        var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        await using var _ = services;
        var client = new AgentClient(services.GetRequiredService<IHttpClientFactory>(),
            Options.Create(new KioskOptions { AgentUrl = url, AgentToken = KioskToken, KioskId = "kiosk-1", AgentTimeout = TimeSpan.FromSeconds(10) }),
            TimeProvider.System, NullLogger<AgentClient>.Instance);
        var ct = CancellationToken.None;

        Assert.Null(await client.LoginPhoneAsync(Phone, "0000", ct)); // 401 login_failed -> null, as the kiosk expects
        var login = await client.LoginPhoneAsync("+47 123 45 678", Pin, ct);
        Assert.NotNull(login);
        Assert.Equal(("Jane", 1250L), (login.Member.FirstName, login.Member.Points));
        Assert.Equal("gold", (await client.GetSummaryAsync(login.SessionId, ct)).Tier);

        var offer = Assert.Single((await client.GetOffersAsync(login.SessionId, ct)).Offers);
        Assert.Equal(CouponStatus.SavedToApp, (await client.SaveOfferAsync(login.SessionId, offer.CouponId, ct)).Status);

        Assert.True((await client.CheckInAsync(login.SessionId, ct)).Awarded);
        Assert.False((await client.CheckInAsync(login.SessionId, ct)).Awarded);
        Assert.StartsWith("drw-", (await client.DrawAsync(login.SessionId, ct)).DrawId, StringComparison.Ordinal);
        var spin = await client.SpinAsync(login.SessionId, ct);
        Assert.InRange(spin.SegmentIndex, 0, spin.Segments.Count - 1);

        var found = Assert.Single((await client.SearchProductsAsync("coffee", 20, ct)).Products);
        Assert.Equal(("p-coffee", "Friele"), (found.ProductId, (await client.GetProductAsync("p-coffee", ct)).Brand));
        var published = await client.PostReviewAsync("p-coffee", new PostReviewRequest(login.SessionId, 5, "Great beans, call me on +47 912 34 567"), ct);
        Assert.True(published.Published);
        Assert.DoesNotContain("912", published.Review!.Text, StringComparison.Ordinal);
        Assert.Equal("profanity", (await client.PostReviewAsync("p-milk", new PostReviewRequest(login.SessionId, 1, "shit milk"), ct)).Reason);
        var reviews = await client.GetReviewsAsync("p-coffee", 10, ct);
        Assert.Equal((1, 5.0), (reviews.Count, reviews.AverageRating));
        var unknown = await Assert.ThrowsAsync<AgentRefusedException>(() => client.GetProductAsync("p-none", ct));
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);

        // After logout the kiosk's session handling sees a session error (404/401 with "session" in the code).
        await client.LogoutAsync(login.SessionId, ct);
        var gone = await Assert.ThrowsAsync<AgentRefusedException>(() => client.GetSummaryAsync(login.SessionId, ct));
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Contains("session", gone.Code, StringComparison.Ordinal);
    }

    private static async Task<long?> TryCounterAsync(HttpClient status, string counter)
    {
        try
        {
            var root = JsonDocument.Parse(await status.GetStringAsync(AgentRoutes.Status)).RootElement;
            return root.GetProperty("counters").TryGetProperty(counter, out var value) ? value.GetInt64() : 0;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, ServiceProcess agent, string what)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (agent.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                Assert.Fail($"{what}: not within 30 s (exited: {agent.HasExited}). Output:\n{agent.Output}");
            }

            await Task.Delay(50); // polling a real child process, not waiting for time to pass
        }
    }
}
