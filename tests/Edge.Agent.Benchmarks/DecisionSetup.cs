using Edge.Agent.Offers;
using Edge.Contracts.Agent;
using Edge.Inference;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Benchmarks;

/// <summary>The shipped bundle loaded through the agent's own verifying loader, one intra-op thread, 200 candidate offers.</summary>
internal sealed class DecisionSetup : IDisposable
{
    private readonly LoadedModel _loaded;
    private readonly OfferModel _model;
    private readonly OfferScorer _scorer;
    private readonly List<OfferDefinition> _offers;
    private readonly MemberStats _stats;
    private readonly MemberInterests _member;
    private readonly float[] _features;
    private readonly InputTensor[] _inputs;
    private readonly string[] _outputNames;

    public DecisionSetup()
    {
        var bundle = Path.Combine(AppContext.BaseDirectory, "models", "offers");
        var factory = new InferenceSessionFactory(new InferenceOptions { Session = new InferenceSessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 } });
        var options = Options.Create(new OffersOptions { BundleDirectory = bundle, TrustedPublicKeyFile = Path.Combine(bundle, "signing-public-key.pem"), ModelTimeout = TimeSpan.FromSeconds(1) });
        var counters = new AgentCounters();
        _model = new OfferModel(factory, options, new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = AppContext.BaseDirectory }, counters, NullLogger<OfferModel>.Instance);
        if (!_model.TryLoad(bundle, out var error))
        {
            throw new InvalidOperationException("bundle refused: " + error);
        }

        _loaded = _model.Lease()!;
        _scorer = new OfferScorer(_model, options, TimeProvider.System, counters, NullLogger<OfferScorer>.Instance);
        string[] categories = ["GROCERY", "DRUG GM", "PRODUCE", "MEAT", "DELI", "PASTRY"];
        _offers = Enumerable.Range(0, DecisionBenchmarks.Candidates)
            .Select(i => new OfferDefinition("o" + i, "Offer " + i, null, categories[i % categories.Length], DiscountKind.Percent, 10, 1 + i % 9,
                DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, 1000, 100, 1, CampaignType: i % 3 == 0 ? "Type A" : "Type B", CouponProducts: 5 + i, Households: 100 + i, CampaignDays: 30 + i % 20))
            .ToList();
        _stats = new MemberStats(6, 2, 140, 512.4, new Dictionary<string, int> { ["GROCERY"] = 60, ["PRODUCE"] = 30, ["DELI"] = 10 });
        _member = new MemberInterests("m-1", "gold", new HashSet<string>(["GROCERY"]));
        _features = new float[DecisionBenchmarks.Candidates * _loaded.Schema.Count];
        _loaded.Schema.Fill(_stats, _offers, _features);
        _inputs = [InputTensor.Create<float>(_loaded.Manifest.InputName, _features, DecisionBenchmarks.Candidates, _loaded.Schema.Count)];
        _outputNames = [_loaded.Manifest.OutputName];
    }

    public float BareRun()
    {
        using var outputs = _loaded.Session.Run(_inputs, _outputNames);
        return outputs[0].AsSpan<float>()[0];
    }

    /// <summary>Features for every candidate, one batched run through the scorer's resilience pipeline, rank by p x value.</summary>
    public int Decide()
    {
        var scores = _scorer.Score(_stats, _member, _offers, profilingAllowed: true, CancellationToken.None);
        if (scores.Source != DecisionSource.Model)
        {
            throw new InvalidOperationException("the model did not decide: " + scores.FallbackReason);
        }

        var best = -1;
        var bestValue = double.NegativeInfinity;
        for (var i = 0; i < _offers.Count; i++)
        {
            var value = scores.Probabilities[i] * (double)_offers[i].Value;
            if (value > bestValue)
            {
                best = i;
                bestValue = value;
            }
        }

        return best;
    }

    public void Dispose()
    {
        _loaded.Release();
        _model.Dispose();
    }
}
