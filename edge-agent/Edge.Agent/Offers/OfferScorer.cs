using Edge.Contracts.Agent;
using Edge.Inference;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Fallback;
using Polly.Timeout;

namespace Edge.Agent.Offers;

/// <summary>
/// Scores all candidates of one decision in ONE batched ORT run (features float[N, F], output probability[N, 1]).
/// Around it a Polly pipeline: timeout (the ORT run is terminated through its cancellation token), a circuit
/// breaker (a failing model is left alone for 30 s), and a fallback to the rules, so a missing, failing or slow model
/// never fails a decision: the result says <see cref="DecisionSource.Rules"/> and why. A shadow model, when loaded,
/// scores the same candidates afterwards, outside the pipeline and under its own timeout: its failure or slowness is
/// counted and logged, and never touches the decision or the serving model's circuit.
/// </summary>
internal sealed class OfferScorer
{
    private readonly OfferModel _model;
    private readonly AgentCounters _counters;
    private readonly ILogger<OfferScorer> _logger;
    private readonly ResiliencePipeline<OfferScores?> _pipeline;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    public OfferScorer(OfferModel model, IOptions<OffersOptions> options, TimeProvider time, AgentCounters counters, ILogger<OfferScorer> logger)
    {
        _model = model;
        _counters = counters;
        _logger = logger;
        _timeout = options.Value.ModelTimeout;
        _time = time;
        _pipeline = new ResiliencePipelineBuilder<OfferScores?> { TimeProvider = time }
            .AddFallback(new FallbackStrategyOptions<OfferScores?>
            {
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is not null || args.Outcome.Result is null),
                FallbackAction = static _ => Outcome.FromResultAsValueTask<OfferScores?>(null),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<OfferScores?>
            {
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is not null and not BrokenCircuitException),
                FailureRatio = 0.5,
                MinimumThroughput = 5,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(30),
            })
            .AddTimeout(options.Value.ModelTimeout)
            .Build();
    }

    public OfferScores Score(MemberStats stats, MemberInterests member, IReadOnlyList<OfferDefinition> candidates, bool profilingAllowed, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return new OfferScores([], DecisionSource.Rules, null, "no candidates");
        }

        string? failure = null;
        OfferScores? scored = null;
        if (!profilingAllowed)
        {
            failure = "the member did not consent to offer profiling";
        }
        else
        {
            scored = _pipeline.Execute(ct =>
            {
                try
                {
                    return RunModel(stats, candidates, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failure = e.Message;
                    throw;
                }
            }, cancellationToken);
        }

        var shadow = profilingAllowed ? RunShadow(stats, candidates, cancellationToken) : null;
        if (scored is not null)
        {
            return shadow is null ? scored : scored with { Shadow = shadow }; // no copy per decision without a shadow
        }

        failure ??= _model.Version is null ? "no model loaded" : "model timed out or circuit open";
        _counters.Increment("offers.fallback");
        OffersLog.ModelFellBack(_logger, failure);
        return new OfferScores(Rules(member, candidates), DecisionSource.Rules, null, failure, shadow);
    }

    /// <summary>The fallback: a fixed, explainable preference for offers in the member's interests.</summary>
    public static float[] Rules(MemberInterests member, IReadOnlyList<OfferDefinition> candidates)
    {
        var scores = new float[candidates.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            var category = candidates[i].Category;
            scores[i] = category is not null && member.Interests.Contains(category) ? 0.2f : 0.05f;
        }

        return scores;
    }

    private OfferScores? RunModel(MemberStats stats, IReadOnlyList<OfferDefinition> candidates, CancellationToken cancellationToken)
    {
        var model = _model.Lease();
        if (model is null)
        {
            return null;
        }

        try
        {
            return new OfferScores(Run(model, stats, candidates, cancellationToken), DecisionSource.Model, model.Manifest.Version, null);
        }
        finally
        {
            model.Release();
        }
    }

    private ShadowScores? RunShadow(MemberStats stats, IReadOnlyList<OfferDefinition> candidates, CancellationToken cancellationToken)
    {
        var model = _model.LeaseShadow();
        if (model is null)
        {
            return null;
        }

        try
        {
            using var timeout = new CancellationTokenSource(_timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            return new ShadowScores(Run(model, stats, candidates, linked.Token), model.Manifest.Version);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            _counters.Increment("offers.shadow_failed");
            OffersLog.ShadowFailed(_logger, model.Manifest.Version, e is OperationCanceledException ? $"took longer than {_timeout.TotalMilliseconds} ms" : e.Message);
            return null;
        }
        finally
        {
            model.Release();
        }
    }

    /// <summary>One batched run: features float[N, F] in the model's own schema, one probability per candidate out.</summary>
    private static float[] Run(LoadedModel model, MemberStats stats, IReadOnlyList<OfferDefinition> candidates, CancellationToken cancellationToken)
    {
        var width = model.Schema.Count;
        var features = new float[candidates.Count * width];
        model.Schema.Fill(stats, candidates, features);
        using var outputs = model.Session.Run(
            [InputTensor.Create<float>(model.Manifest.InputName, features, candidates.Count, width)], [model.Manifest.OutputName], cancellationToken);
        var probabilities = outputs[0].ToArray<float>();
        return probabilities.Length == candidates.Count
            ? probabilities
            : throw new InvalidDataException($"the model returned {probabilities.Length} probabilities for {candidates.Count} candidates");
    }
}
