using System.Security.Cryptography;
using System.Text;
using Edge.Agent.Offers;
using Edge.Agent.Tests.Support;
using Edge.Contracts.Agent;
using Edge.Contracts.Models;
using Edge.Inference;
using Edge.TestKit;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Tests.Offers;

/// <summary>Bundle verification and swapping with the real ONNX Runtime and the shipped signed bundle.</summary>
public sealed class OfferModelTests
{
    private static OfferModel Model(TempDirectory dir, string trustedKey, AgentCounters counters, TimeSpan? timeout = null) =>
        new(new InferenceSessionFactory(), Options.Create(new OffersOptions { BundleDirectory = Catalogs.ShippedBundle, TrustedPublicKeyFile = trustedKey, ModelTimeout = timeout ?? TimeSpan.FromMilliseconds(50) }),
            new HostingEnvironment { ContentRootPath = dir.Path }, counters, NullLogger<OfferModel>.Instance);

    private static string CopyBundle(TempDirectory dir, string name)
    {
        var target = dir.Sub(name);
        foreach (var file in Directory.GetFiles(Catalogs.ShippedBundle))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    private static string ShippedKey => Path.Combine(Catalogs.ShippedBundle, "signing-public-key.pem");

    [Fact]
    public void TryLoad_ShippedBundle_LoadsAndScoresA200RowBatch()
    {
        using var dir = new TempDirectory();
        var counters = new AgentCounters();
        using var model = Model(dir, ShippedKey, counters);
        Assert.True(model.TryLoad(Catalogs.ShippedBundle, out var error), error);
        var scorer = new OfferScorer(model, Options.Create(new OffersOptions { ModelTimeout = TimeSpan.FromSeconds(5) }), TimeProvider.System, counters, NullLogger<OfferScorer>.Instance);
        var offers = Enumerable.Range(0, 200).Select(i => Catalogs.Offer("o" + i, i % 2 == 0 ? "GROCERY" : "FUEL", value: 1 + i % 7)).ToList();
        var stats = new MemberStats(4, 1, 30, 120.5, new Dictionary<string, int> { ["GROCERY"] = 20, ["FUEL"] = 2 });

        var scores = scorer.Score(stats, new MemberInterests("m", "gold", new HashSet<string>()), offers, profilingAllowed: true, CancellationToken.None);

        Assert.Equal(DecisionSource.Model, scores.Source);
        Assert.Equal(200, scores.Probabilities.Length);
        Assert.All(scores.Probabilities, p => Assert.InRange(p, 0f, 1f));
        Assert.NotEqual(scores.Probabilities[0], scores.Probabilities[1]); // features differ by category, so must the scores
    }

    [Fact]
    public void TryLoad_TamperedModelOrUnsigned_RefusedAndPreviousModelKeepsServing()
    {
        using var dir = new TempDirectory();
        var counters = new AgentCounters();
        using var model = Model(dir, ShippedKey, counters);
        Assert.True(model.TryLoad(Catalogs.ShippedBundle, out _));
        var version = model.Version;

        var tampered = CopyBundle(dir, "tampered");
        var bytes = File.ReadAllBytes(Path.Combine(tampered, "model.onnx"));
        bytes[^5] ^= 0x01;
        File.WriteAllBytes(Path.Combine(tampered, "model.onnx"), bytes);
        Assert.False(model.TryLoad(tampered, out var error));
        Assert.Contains("signature does not verify", error, StringComparison.Ordinal);

        var unsigned = CopyBundle(dir, "unsigned");
        File.Delete(Path.Combine(unsigned, "manifest.sig"));
        Assert.False(model.TryLoad(unsigned, out error));
        Assert.Contains("not signed", error, StringComparison.Ordinal);

        Assert.Equal(version, model.Version);
        Assert.Equal(2, counters.Get("offers.model_rejected"));
    }

    [Fact]
    public void TryLoad_SignedBundleWithUnknownFeature_RefusedNamingTheFeature()
    {
        using var dir = new TempDirectory();
        using var signer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keyFile = dir.File("trusted.pem");
        File.WriteAllText(keyFile, signer.ExportSubjectPublicKeyInfoPem());
        var bundle = CopyBundle(dir, "other-schema");
        var manifest = File.ReadAllText(Path.Combine(bundle, "manifest.json")).Replace("\"past_redemptions\"", "\"loyalty_app_opens\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(bundle, "manifest.json"), manifest);
        File.WriteAllText(Path.Combine(bundle, "manifest.sig"), Convert.ToBase64String(
            ModelBundleSignature.Sign(signer, Encoding.UTF8.GetBytes(manifest), File.ReadAllBytes(Path.Combine(bundle, "model.onnx")))));
        var counters = new AgentCounters();
        using var model = Model(dir, keyFile, counters);

        Assert.False(model.TryLoad(bundle, out var error));
        Assert.Contains("'loyalty_app_opens'", error, StringComparison.Ordinal);
        Assert.Null(model.Version);
        Assert.Equal(1, counters.Get("offers.model_rejected"));
    }

    [Fact]
    public async Task TryLoad_SwapUnderLoad_EveryDecisionScoredByAModel()
    {
        using var dir = new TempDirectory();
        var counters = new AgentCounters();
        using var model = Model(dir, ShippedKey, counters);
        var second = CopyBundle(dir, "second");
        Assert.True(model.TryLoad(Catalogs.ShippedBundle, out _));
        var scorer = new OfferScorer(model, Options.Create(new OffersOptions { ModelTimeout = TimeSpan.FromSeconds(10) }), TimeProvider.System, counters, NullLogger<OfferScorer>.Instance);
        var offers = Enumerable.Range(0, 50).Select(i => Catalogs.Offer("o" + i)).ToList();
        using var stop = new CancellationTokenSource();
        var decisions = 0;
        var notModel = 0;
        var workers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var s = scorer.Score(MemberStats.Empty, new MemberInterests("m", "gold", new HashSet<string>()), offers, true, CancellationToken.None);
                Interlocked.Increment(ref decisions);
                if (s.Source != DecisionSource.Model)
                {
                    Interlocked.Increment(ref notModel);
                }
            }
        })).ToArray();

        for (var i = 0; i < 20; i++)
        {
            // Each swap happens while decisions are running: wait until the workers have made progress since the last one.
            var seen = Volatile.Read(ref decisions);
            await Eventually.TrueAsync(() => Volatile.Read(ref decisions) > seen + 2, "workers scoring between swaps");
            Assert.True(model.TryLoad(i % 2 == 0 ? second : Catalogs.ShippedBundle, out var error), error);
        }

        await stop.CancelAsync();
        await Task.WhenAll(workers);
        Assert.True(decisions > 20, $"only {decisions} decisions ran during the swaps");
        Assert.Equal(0, notModel);
        Assert.Equal(0, counters.Get("offers.fallback"));
        Assert.Equal(21, counters.Get("offers.model_loaded"));
    }
}
