using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Edge.Agent.Members;
using Edge.Agent.Offers;
using Edge.Agent.Tests.Support;
using Edge.Contracts.Agent;
using Edge.TestKit;
using Google.Protobuf;
using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Edge.Agent.Tests.Offers;

/// <summary>
/// Shadow mode through the real agent, broker, SQLite and ONNX Runtime: a bundle from the cloud scores beside the
/// serving model until store IT promotes it. Bad inputs tried: a shadow bundle signed by another key, a promotion
/// without a token, with the kiosk's token, and with no shadow model loaded.
/// </summary>
public sealed class ShadowModelTests
{
    private const string ProvisioningToken = "provisioning-token-0001";
    private const string KioskToken = "kiosk-token-0001";
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    private static readonly Dictionary<string, string> s_shadowMode = new()
    {
        ["EdgeAgent:Offers:ShadowMode"] = "true",
        ["EdgeAgent:Offers:HoldoutShare"] = "0",
        ["EdgeAgent:Offers:ModelTimeout"] = "00:00:05",
        ["EdgeAgent:Api:ProvisioningToken"] = ProvisioningToken,
        ["EdgeAgent:Api:KioskToken"] = KioskToken,
    };

    [RequiresMosquittoFact]
    public async Task HandleAsync_ShadowMode_BundleScoresBesideServingModelAndDecisionsStayServing()
    {
        await using var h = await CloudContentHarness.StartAsync(s_shadowMode);
        Catalogs.Write(h.State.File("offers.json"), Catalogs.Offer("o-grocery", "GROCERY"), Catalogs.Offer("o-deli", "DELI", value: 3m), Catalogs.Offer("o-fuel", "FUEL"));
        await h.RestartAsync();

        await h.SendBundleAsync(1, "offers-cloud-2", CloudContentHarness.Archive(CloudContentHarness.Files(CloudContentHarness.Bundle("cloud-2", h.Signer))));
        await Eventually.TrueAsync(() => h.Agent.Counters.Get("offers.cloud_bundle_shadowed") == 1, "bundle loaded as the shadow");
        var model = h.Agent.Get<OfferModel>();
        Assert.Equal("shipped-1", model.Version);
        Assert.Equal("cloud-2", model.ShadowVersion);
        Assert.Equal(0, h.Agent.Counters.Get("offers.cloud_bundle_loaded"));

        var decision = await DecideAsync(h, "t-1");

        // The serving model decided; the shadow (the same network, re-versioned) scored the same three candidates
        // and, ranked the same way, picked the same offer.
        Assert.Equal(DecisionSource.Model, decision.Source);
        Assert.NotNull(decision.Coupon);
        Assert.Equal(1, h.Agent.Counters.Get("offers.shadow_scored"));
        Assert.Equal(1, h.Agent.Counters.Get("offers.shadow_agreed"));
        Assert.Equal(0, h.Agent.Counters.Get("offers.shadow_failed"));

        await h.RestartAsync();
        Assert.Equal("shipped-1", h.Agent.Get<OfferModel>().Version);
        Assert.Equal("cloud-2", h.Agent.Get<OfferModel>().ShadowVersion);
    }

    [RequiresMosquittoFact]
    public async Task HandleAsync_ShadowRanksDifferently_DisagreementCountedAndDecisionUnchanged()
    {
        await using var h = await CloudContentHarness.StartAsync(s_shadowMode);
        // Two offers of equal value, one campaign short and one long (feature 3, campaign_days). The shipped (serving)
        // model prefers the long one for this member (checked below, although it is listed second); the shadow scores
        // shorter campaigns higher, so the short one wins its ranking.
        Catalogs.Write(h.State.File("offers.json"), Catalogs.Offer("o-short", "DELI") with { CampaignDays = 10 }, Catalogs.Offer("o-long", "FUEL") with { CampaignDays = 80 });
        await h.RestartAsync();
        var byLength = CloudContentHarness.Bundle("by-length-1", h.Signer, OneFeatureModel(features: 63, index: 3, weight: -1f));
        await h.SendBundleAsync(1, "offers-by-length-1", CloudContentHarness.Archive(CloudContentHarness.Files(byLength)));
        await Eventually.TrueAsync(() => h.Agent.Counters.Get("offers.cloud_bundle_shadowed") == 1, "bundle loaded as the shadow");

        var decision = await DecideAsync(h, "t-1");

        Assert.Equal("o-long", decision.Coupon?.OfferId);
        Assert.Equal(DecisionSource.Model, decision.Source);
        Assert.Equal(1, h.Agent.Counters.Get("offers.shadow_scored"));
        Assert.Equal(0, h.Agent.Counters.Get("offers.shadow_agreed"));
    }

    [RequiresMosquittoFact]
    public async Task Promote_ShadowLoaded_ServesAtOnceAndAfterRestartOnlyForProvisioning()
    {
        await using var h = await CloudContentHarness.StartAsync(s_shadowMode);
        await h.SendBundleAsync(1, "offers-cloud-2", CloudContentHarness.Archive(CloudContentHarness.Files(CloudContentHarness.Bundle("cloud-2", h.Signer))));
        await Eventually.TrueAsync(() => h.Agent.Counters.Get("offers.cloud_bundle_shadowed") == 1, "bundle loaded as the shadow");

        Assert.Equal(HttpStatusCode.Unauthorized, (await PromoteAsync(h, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PromoteAsync(h, KioskToken)).StatusCode);
        Assert.Equal("shipped-1", h.Agent.Get<OfferModel>().Version);

        using var promoted = await PromoteAsync(h, ProvisioningToken);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal(new ShadowModelPromoted("cloud-2", "shipped-1"), await promoted.Content.ReadFromJsonAsync(AgentApiJsonContext.Default.ShadowModelPromoted));
        Assert.Equal("cloud-2", h.Agent.Get<OfferModel>().Version);
        Assert.Null(h.Agent.Get<OfferModel>().ShadowVersion);

        using var again = await PromoteAsync(h, ProvisioningToken);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("no_shadow_model", (await again.Content.ReadFromJsonAsync(AgentApiJsonContext.Default.ApiError))!.Code);

        await h.RestartAsync();
        Assert.Equal("cloud-2", h.Agent.Get<OfferModel>().Version);
        Assert.Null(h.Agent.Get<OfferModel>().ShadowVersion);
        Assert.True(Directory.Exists(Path.Combine(h.BundlesRoot, "000000000001-offers-cloud-2")));
    }

    [RequiresMosquittoFact]
    public async Task ModelAnnouncer_ShadowLoadedThenPromoted_ShadowTopicNamesItThenNoneAndModelTopicThePromoted()
    {
        await using var h = await CloudContentHarness.StartAsync(s_shadowMode);
        var shipped = h.Agent.Get<OfferModel>().Description!;
        await using (var before = await BusProbe.ConnectAsync(h.Broker, ModelAnnouncer.Topic, ModelAnnouncer.ShadowTopic))
        {
            Assert.Equal(ModelAnnouncer.None, (await before.NextAsync(ModelAnnouncer.ShadowTopic, s_wait)).PayloadAsString());

            await h.SendBundleAsync(1, "offers-cloud-2", CloudContentHarness.Archive(CloudContentHarness.Files(CloudContentHarness.Bundle("cloud-2", h.Signer))));
            var shadowed = await before.NextAsync(ModelAnnouncer.ShadowTopic, s_wait, m => m.PayloadAsString().EndsWith(" cloud-2", StringComparison.Ordinal));
            Assert.Equal(h.Agent.Get<OfferModel>().ShadowDescription, shadowed.PayloadAsString());
            Assert.Equal(shipped.Split(' ')[0] + " cloud-2", shadowed.PayloadAsString());
        }

        // Subscribed once the shadow was announced: the retained values first (shipped serving, cloud-2 in the shadow
        // slot), so a "none" or a " cloud-2" on the model topic can only come from the promotion.
        await using var after = await BusProbe.ConnectAsync(h.Broker, ModelAnnouncer.Topic, ModelAnnouncer.ShadowTopic);
        Assert.Equal(shipped, (await after.NextAsync(ModelAnnouncer.Topic, s_wait)).PayloadAsString());
        Assert.EndsWith(" cloud-2", (await after.NextAsync(ModelAnnouncer.ShadowTopic, s_wait)).PayloadAsString(), StringComparison.Ordinal);

        using var promoted = await PromoteAsync(h, ProvisioningToken);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        var serving = await after.NextAsync(ModelAnnouncer.Topic, s_wait, m => m.PayloadAsString().EndsWith(" cloud-2", StringComparison.Ordinal));
        await after.NextAsync(ModelAnnouncer.ShadowTopic, s_wait, m => m.PayloadAsString() == ModelAnnouncer.None);
        Assert.Equal(h.Agent.Get<OfferModel>().Description, serving.PayloadAsString());

        // What a cloud-sync (re)subscribing now reads: the promoted model serving and no shadow.
        await using var late = await BusProbe.ConnectAsync(h.Broker, ModelAnnouncer.Topic, ModelAnnouncer.ShadowTopic);
        var model = await late.NextAsync(ModelAnnouncer.Topic, s_wait);
        var shadow = await late.NextAsync(ModelAnnouncer.ShadowTopic, s_wait);
        Assert.Equal((serving.PayloadAsString(), true), (model.PayloadAsString(), model.Retain));
        Assert.Equal((ModelAnnouncer.None, true), (shadow.PayloadAsString(), shadow.Retain));
    }

    [RequiresMosquittoFact]
    public async Task HandleAsync_ShadowModeTamperedBundle_RefusedNoShadowAndServingUntouched()
    {
        await using var h = await CloudContentHarness.StartAsync(s_shadowMode);
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        await h.SendBundleAsync(1, "evil-1", CloudContentHarness.Archive(CloudContentHarness.Files(CloudContentHarness.Bundle("evil-1", stranger))));
        await Eventually.TrueAsync(() => h.Agent.Counters.Get("offers.cloud_bundle_refused") == 1, "bundle refused");

        Assert.Equal("shipped-1", h.Agent.Get<OfferModel>().Version);
        Assert.Null(h.Agent.Get<OfferModel>().ShadowVersion);
        var decision = await DecideAsync(h, "t-1");
        Assert.Equal(DecisionSource.Model, decision.Source);
        Assert.Equal(0, h.Agent.Counters.Get("offers.shadow_scored"));
    }

    [Fact]
    public void Best_RanksByProbabilityTimesValueAndNaNNeverWins()
    {
        OfferDefinition[] candidates = [Catalogs.Offer("o-cheap", value: 1m), Catalogs.Offer("o-dear", value: 10m), Catalogs.Offer("o-nan", value: 100m)];

        Assert.Equal(1, OfferEngine.Best([0.5f, 0.1f, float.NaN], candidates)); // 0.5 x 1 < 0.1 x 10
        Assert.Equal(0, OfferEngine.Best([0.5f, 0.01f, float.NaN], candidates));
        Assert.Equal(-1, OfferEngine.Best([float.NaN, float.NaN, float.NaN], candidates));
        Assert.Equal(-1, OfferEngine.Best([], []));
    }

    /// <summary>y = sigmoid(weight · x[index]): float[N, features] in, a score from one feature out.</summary>
    private static byte[] OneFeatureModel(int features, int index, float weight)
    {
        var w = new float[features];
        w[index] = weight;
        var graph = OnnxModelBuilder.Graph(
            "one-feature",
            [
                OnnxModelBuilder.Node("MatMul", ["features", "w"], ["logit"]),
                OnnxModelBuilder.Node("Sigmoid", ["logit"], ["probability"]),
            ],
            [OnnxModelBuilder.Tensor("features", DataType.Float, "batch", (long)features)],
            [OnnxModelBuilder.Tensor("probability", DataType.Float, "batch", 1L)],
            [OnnxModelBuilder.Initializer("w", w, features, 1)]);
        return OnnxModelBuilder.Model(graph).ToByteArray();
    }

    private static async Task<OfferDecision> DecideAsync(CloudContentHarness h, string trigger)
    {
        await h.Bus.PublishDeltaAsync(Support.Members.Upsert(1, "m-1", interests: ["DELI"]));
        await Eventually.TrueAsync(() => h.Agent.Get<MemberStore>().Find("m-1") is not null, "member cached");
        return await h.Agent.Get<OfferEngine>().DecideAsync(h.Agent.Get<MemberStore>().Find("m-1")!, "deli", null, trigger, CancellationToken.None);
    }

    private static Task<HttpResponseMessage> PromoteAsync(CloudContentHarness h, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, AgentRoutes.PromoteShadowModel);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return h.Agent.Http.SendAsync(request);
    }
}
