using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edge.Contracts.Cloud;
using Edge.Contracts.Provisioning;
using Edge.Messaging;
using Edge.TestKit;

namespace Edge.ReferenceCloud.Tests;

/// <summary>
/// The reference cloud as a process against a real mosquitto: up-streams de-duplicated by idempotency key, signed
/// down messages, claims over MQTT 5 request/response. Bad inputs tried: an up batch that is not JSON, one whose
/// store is not its topic's, a down message of an unknown kind, a down body that is not JSON.
/// </summary>
public sealed class ReferenceCloudProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = CloudUnderTest.Timeout;
    private CloudUnderTest? _c;

    private HttpClient Http => _c!.Http;

    private IMqttClient Hub => _c!.Hub;

    private TempDirectory Dir => _c!.Dir;

    private MosquittoBroker Broker => _c!.Broker;

    public async Task InitializeAsync()
    {
        if (ExternalTools.Find("mosquitto") is not null)
        {
            _c = await CloudUnderTest.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_c is not null)
        {
            await _c.DisposeAsync();
        }
    }

    [RequiresMosquittoFact]
    public async Task Up_BatchResentAndOverlapping_EachEventStoredOnceInSequence()
    {
        var first = Batch("s042", "redemptions", 1, 2, 3);
        var overlap = Batch("s042", "redemptions", 2, 3, 4);

        await PublishAsync(CloudTopics.Up("s042", "redemptions"), first);
        await PublishAsync(CloudTopics.Up("s042", "redemptions"), first);   // a re-send after a reconnect
        await PublishAsync(CloudTopics.Up("s042", "redemptions"), overlap); // a restart re-sends from an older checkpoint
        await PublishAsync(CloudTopics.Up("s042", "redemptions"), Encoding.UTF8.GetBytes("{ not json"));
        await PublishAsync(CloudTopics.Up("s042", "redemptions"), Batch("s999", "redemptions", 5)); // store is not the topic's
        var events = await EventsAsync("s042", expected: 4);

        Assert.Equal([1L, 2, 3, 4], events.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal(["r-1", "r-2", "r-3", "r-4"], events.Select(e => e.GetProperty("messageId").GetString()));
        Assert.Empty(await EventsAsync("s999", expected: 0));
    }

    [RequiresMosquittoFact]
    public async Task Down_Posted_ArrivesSignedWithPerKindSequence()
    {
        await Hub.SubscribeAsync([new MqttSubscription(CloudTopics.DownFilter("s042"))]).WaitAsync(Timeout);
        var publicKeyPem = await Http.GetStringAsync("/api/down-signing-key");

        var body = """{"offers":[{"id":"o-1","discount":0.2}]}""";
        (await Http.PostAsync("/api/stores/s042/down/offer-catalog", new StringContent(body, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await Http.PostAsync("/api/stores/s042/down/offer-catalog", new StringContent(body, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var unknown = await Http.PostAsync("/api/stores/s042/down/lottery", new StringContent(body, Encoding.UTF8, "application/json"));
        var notJson = await Http.PostAsync("/api/stores/s042/down/offer-catalog", new StringContent("offers: 1", Encoding.UTF8, "application/json"));

        var one = await Hub.Messages.ReadAsync().AsTask().WaitAsync(Timeout);
        var two = await Hub.Messages.ReadAsync().AsTask().WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(["1", "2"], new[] { one, two }.Select(m => m.GetUserProperty(DownProperties.Sequence)));
        Assert.Equal(body, one.PayloadAsString());
        using var key = ECDsa.Create();
        key.ImportFromPem(publicKeyPem);
        Assert.True(DownProperties.Verify(
            key, "s042", DownKinds.OfferCatalog, one.GetUserProperty(DownProperties.MessageId)!, 1, one.Payload.Span,
            Convert.FromBase64String(one.GetUserProperty(DownProperties.Signature)!)));
        Assert.False(one.GetUserProperty(DownProperties.MessageId) == two.GetUserProperty(DownProperties.MessageId));
    }

    [RequiresMosquittoFact]
    public async Task Members_EnrolThenRevoke_SignedDeltasInSequenceWithHashedPinAndPhone()
    {
        await Hub.SubscribeAsync([new MqttSubscription(CloudTopics.Down("s042", DownKinds.MemberDelta))]).WaitAsync(Timeout);
        var enrol = new
        {
            memberId = "m-jane", firstName = "Jane", tier = "gold", pin = "4711", phone = "+4790000000",
            consent = new { presence = true, personalisedScreens = true, staffAlerts = true, offerProfiling = false },
            interests = new[] { "coffee" },
        };

        var enrolled = await (await Http.PostAsJsonAsync("/api/stores/s042/members", enrol)).Content.ReadFromJsonAsync<JsonElement>();
        var badPin = await Http.PostAsJsonAsync("/api/stores/s042/members", enrol with { pin = "47a1" });
        var revoked = await Http.DeleteAsync("/api/stores/s042/members/m-jane");
        var revokedTwice = await Http.DeleteAsync("/api/stores/s042/members/m-jane");

        var upsert = await Hub.Messages.ReadAsync().AsTask().WaitAsync(Timeout);
        var revoke = await Hub.Messages.ReadAsync().AsTask().WaitAsync(Timeout);
        var delta = JsonSerializer.Deserialize(upsert.Payload.Span, Edge.Contracts.Agent.AgentBusJsonContext.Default.MemberDelta)!;
        Assert.Equal(1, delta.Sequence);
        Assert.Equal("1", upsert.GetUserProperty(DownProperties.Sequence));
        Assert.Equal(Edge.Contracts.Agent.MemberDeltaKind.Upsert, delta.Kind);
        Assert.Equal(enrolled.GetProperty("rotatingIdKey").GetString(), delta.RotatingIdKey);
        Assert.Equal(16, Convert.FromBase64String(delta.RotatingIdKey!).Length);
        Assert.True(Edge.Contracts.Members.PinHash.Verify(delta.PinHash!, "4711"));
        Assert.DoesNotContain("4711", upsert.PayloadAsString(), StringComparison.Ordinal);
        Assert.DoesNotContain("90000000", upsert.PayloadAsString(), StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("+4790000000"))), delta.PhoneHash);
        Assert.Equal(HttpStatusCode.BadRequest, badPin.StatusCode);
        var revokeDelta = JsonSerializer.Deserialize(revoke.Payload.Span, Edge.Contracts.Agent.AgentBusJsonContext.Default.MemberDelta)!;
        Assert.Equal((2L, Edge.Contracts.Agent.MemberDeltaKind.Revoke, "m-jane"), (revokeDelta.Sequence, revokeDelta.Kind, revokeDelta.MemberId));
        Assert.Null(revokeDelta.RotatingIdKey);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revokedTwice.StatusCode);
    }

    [RequiresMosquittoFact]
    public async Task Claim_CodeEnteredAtHq_HubGetsCertificateOverMqtt()
    {
        using var hubKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var name = new System.Security.Cryptography.X509Certificates.X500DistinguishedNameBuilder();
        name.AddOrganizationalUnitName("s042");
        name.AddCommonName("hub-1");
        var csr = new System.Security.Cryptography.X509Certificates.CertificateRequest(name.Build(), hubKey, HashAlgorithmName.SHA256).CreateSigningRequestPem();
        (await Http.PostAsJsonAsync("/api/claims", new { storeId = "s042", code = "K7Q2-9XPM", validForMinutes = 60 })).EnsureSuccessStatusCode();

        var response = await ClaimAsync(new ClaimRequest("s042", "hub-1", "K7Q2-9XPM", csr, "test"));

        Assert.Equal(ClaimStatus.Accepted, response!.Status);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", response.CertificatePem, StringComparison.Ordinal);
        Assert.Equal("s042", response.Configuration!.StoreId);
    }

    /// <summary>
    /// Store IT's whole flow with the real CLI: `edge-provision init` makes the identity and a claim code, HQ enters the
    /// code, `edge-provision claim` gets the certificate from this cloud and writes cloud-sync's identity.
    /// </summary>
    [RequiresMosquittoFact]
    public async Task EdgeProvisionClaim_AgainstTheReferenceCloud_HubGetsItsIdentity()
    {
        var etc = Dir.Sub("hub-etc");
        string[] paths = ["--config-dir", etc, "--state-dir", Dir.Sub("hub-state")];
        var cli = ServiceProcess.BinaryPath("provisioning/Edge.Provisioning", "edge-provision.dll");
        await using var init = ServiceProcess.Start(cli, new Dictionary<string, string?>(), ["init", "--store", "s042", "--hub", "hub-7", "--service-user", Environment.UserName, "--json", .. paths]);
        Assert.Equal(0, await init.WaitForExitAsync(Timeout));
        var code = JsonDocument.Parse(init.Output[init.Output.IndexOf('{', StringComparison.Ordinal)..]).RootElement.GetProperty("claimCode").GetString();
        (await Http.PostAsJsonAsync("/api/claims", new { storeId = "s042", code, validForMinutes = 5 })).EnsureSuccessStatusCode();

        await using var claim = ServiceProcess.Start(cli, new Dictionary<string, string?> { ["EDGE_CLAIM_PASSWORD"] = "unused" }, ["claim", "--cloud-url", Broker.Uri, .. paths]);
        var exit = await claim.WaitForExitAsync(Timeout);

        Assert.True(exit == 0, claim.Output);
        var identity = JsonDocument.Parse(File.ReadAllText(Path.Combine(etc, "cloud.json"))).RootElement;
        Assert.Equal("s042", identity.GetProperty("storeId").GetString());
        Assert.Equal("mqtts://127.0.0.1:8883", identity.GetProperty("server").GetString()); // ReferenceCloud:HubBroker's default
        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(identity.GetProperty("clientCertificateFile").GetString()!));
        Assert.Contains("CN=hub-7", certificate.Subject, StringComparison.Ordinal);
        Assert.Equal(await Http.GetStringAsync("/api/fleet-ca"), File.ReadAllText(identity.GetProperty("caFile").GetString()!));
    }

    private async Task<ClaimResponse?> ClaimAsync(ClaimRequest request, TimeSpan? timeout = null)
    {
        var message = new MqttMessage(ClaimTopics.Claim, JsonSerializer.SerializeToUtf8Bytes(request, ClaimJsonContext.Default.ClaimRequest));
        var answer = await Hub.RequestAsync(message, timeout ?? Timeout);
        return JsonSerializer.Deserialize(answer.Payload.Span, ClaimJsonContext.Default.ClaimResponse);
    }

    private Task PublishAsync(string topic, byte[] payload) => Hub.PublishAsync(new MqttMessage(topic, payload)).WaitAsync(Timeout);

    private static byte[] Batch(string store, string stream, params long[] sequences) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new UpBatch(store, "hub-1", stream, DateTimeOffset.UnixEpoch, sequences.Select(s => new UpMessage(
                $"r-{s}", s, DateTimeOffset.UnixEpoch, null,
                JsonSerializer.SerializeToElement(new { messageId = $"r-{s}", type = "coupon.redeemed", body = new { coupon = s } }))).ToList()),
            CloudJsonContext.Default.UpBatch);

    /// <summary>Polls the API until the expected count arrived (the broker delivers asynchronously), then returns all.</summary>
    private async Task<List<JsonElement>> EventsAsync(string store, int expected)
    {
        var deadline = DateTimeOffset.UtcNow + Timeout;
        while (true)
        {
            var events = (await Http.GetFromJsonAsync<List<JsonElement>>($"/api/stores/{store}/events"))!;
            if (events.Count >= expected || DateTimeOffset.UtcNow > deadline)
            {
                if (expected == 0)
                {
                    // Nothing should arrive: the probe below proves the cloud has handled everything sent before it.
                    await ClaimAsync(new ClaimRequest("probe", "probe", "probe", "probe", "probe"));
                    return (await Http.GetFromJsonAsync<List<JsonElement>>($"/api/stores/{store}/events"))!;
                }

                return events;
            }
        }
    }
}
