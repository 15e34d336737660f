using Edge.Inference;
using Microsoft.Extensions.Logging;

namespace Edge.Trainer.NextBasket;

/// <summary>
/// One seed of the Reality Check protocol: split users 72/8/20, rank with the frequency baseline, tune TIFU-KNN on
/// the validation users (C# scorer over candidate items, cheap), then rank every test user with the ONNX model run
/// through Edge.Inference and check its scores against the C# scorer.
/// </summary>
internal sealed class NextBasketExperiment(BasketData data, IInferenceSessionFactory sessions, ILogger logger)
{
    private const int MaxK = 20;
    private const int Batch = 64;

    private readonly float[] _popularity = data.Popularity();

    public SeedResult Run(int seed, TuningGrid grid, CancellationToken cancellationToken)
    {
        var split = UserSplit.Create(data.UserCount, seed);
        var reference = new RankingScores();
        foreach (var u in split.Test)
        {
            reference.Add(ReferenceFrequencyBaseline.Rank(data.History[u], data.GlobalOrder, MaxK), data.Future[u]);
        }

        var frequency = EvaluateFrequency(split.Test);
        TrainerLog.FrequencyBaseline(logger, seed, frequency.Recall10, frequency.Ndcg10);

        var (parameters, validationRecall) = Tune(split.Validation, grid, cancellationToken);
        TrainerLog.Tuned(logger, seed, parameters.ToString(), validationRecall);

        var (model, maxDiff) = EvaluateOnnx(split.Test, parameters, cancellationToken);
        TrainerLog.ModelEvaluated(logger, seed, model.Recall10, model.Ndcg10, maxDiff);
        return new SeedResult(seed, reference.Result(), frequency, model, parameters, validationRecall, maxDiff);
    }

    public float[] ScaledPopularity(float beta)
    {
        var max = _popularity.Max();
        var scaled = new float[_popularity.Length];
        for (var i = 0; i < scaled.Length; i++)
        {
            scaled[i] = beta * _popularity[i] / max;
        }

        return scaled;
    }

    private RankingResult EvaluateFrequency(int[] users)
    {
        var scores = new RankingScores();
        var scratch = new float[data.ItemCount];
        var max = _popularity.Max();
        foreach (var u in users)
        {
            scores.Add(FrequencyBaseline.Rank(data.History[u], _popularity, max, scratch, MaxK), data.Future[u]);
        }

        return scores.Result();
    }

    private (TifuParameters Best, double Recall) Tune(int[] users, TuningGrid grid, CancellationToken cancellationToken)
    {
        var defaultK = grid.Neighbours.Contains(300) ? 300 : grid.Neighbours[0];
        var defaultAlpha = grid.Alphas.Contains(0.7f) ? 0.7f : grid.Alphas[0];
        var defaultBeta = grid.PopularityWeights[0];
        TifuParameters? best = null;
        var bestRecall = -1.0;

        // Stage 1: the vector's shape.
        foreach (var m in grid.GroupSizes)
        {
            foreach (var rb in grid.WithinDecays)
            {
                foreach (var rg in grid.GroupDecays)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var p = new TifuParameters(m, rb, rg, defaultK, defaultAlpha, defaultBeta);
                    var recall = ValidationRecall(users, new TifuVectors(data, m, rb, rg), [p])[0];
                    if (recall > bestRecall)
                    {
                        (best, bestRecall) = (p, recall);
                    }
                }
            }
        }

        // Stage 2: k, alpha and beta for that shape.
        var shape = best!;
        var vectors = new TifuVectors(data, shape.GroupSize, shape.WithinDecay, shape.GroupDecay);
        var candidates = (from k in grid.Neighbours from a in grid.Alphas from b in grid.PopularityWeights select shape with { Neighbours = k, Alpha = a, PopularityWeight = b }).ToArray();
        var recalls = ValidationRecall(users, vectors, candidates);
        for (var i = 0; i < candidates.Length; i++)
        {
            if (recalls[i] > bestRecall)
            {
                (best, bestRecall) = (candidates[i], recalls[i]);
            }
        }

        return (best!, bestRecall);
    }

    /// <summary>Mean Recall@10 on <paramref name="users"/> for each parameter set (all sharing <paramref name="vectors"/>).</summary>
    private double[] ValidationRecall(int[] users, TifuVectors vectors, TifuParameters[] sets)
    {
        var maxK = sets.Max(s => s.Neighbours);
        var sums = new double[sets.Length];
        var userScratch = new float[data.UserCount];
        var touched = new List<int>();
        var personal = new float[data.ItemCount];
        var neighbours = new float[data.ItemCount];
        var popularities = sets.Select(s => s.PopularityWeight).Distinct().ToDictionary(b => b, ScaledPopularity);

        // Items outside (own ∪ neighbours) score beta·popularity only, so the top MaxK popular items are the only
        // outsiders that can reach a top-MaxK list: scoring own ∪ neighbours ∪ those is exact.
        var popular = TopK.Select(_popularity, MaxK);
        var inCandidates = new bool[data.ItemCount];
        var candidateList = new List<int>();
        foreach (var u in users)
        {
            var nearest = vectors.Neighbours(u, maxK, userScratch, touched);
            candidateList.Clear();
            foreach (var item in vectors[u].Items)
            {
                Mark(item);
            }

            foreach (var n in nearest)
            {
                foreach (var item in vectors[n].Items)
                {
                    Mark(item);
                }
            }

            foreach (var item in popular)
            {
                Mark(item);
            }

            candidateList.Sort();
            Array.Clear(personal);
            vectors[u].AddTo(personal, 1);
            var candidateScores = new float[candidateList.Count];
            for (var s = 0; s < sets.Length; s++)
            {
                var p = sets[s];
                vectors.NeighbourMean(nearest, p.Neighbours, neighbours);
                var pop = popularities[p.PopularityWeight];
                for (var c = 0; c < candidateList.Count; c++)
                {
                    var item = candidateList[c];
                    candidateScores[c] = ((p.Alpha * personal[item]) + ((1 - p.Alpha) * neighbours[item])) + pop[item];
                }

                var top = TopK.Select(candidateScores, 10);
                var hits = 0;
                foreach (var t in top)
                {
                    if (data.Future[u].Contains(candidateList[t]))
                    {
                        hits++;
                    }
                }

                sums[s] += data.Future[u].Count == 0 ? 0 : (double)hits / data.Future[u].Count;
            }

            foreach (var item in candidateList)
            {
                inCandidates[item] = false;
            }
        }

        return [.. sums.Select(s => s / users.Length)];

        void Mark(int item)
        {
            if (!inCandidates[item])
            {
                inCandidates[item] = true;
                candidateList.Add(item);
            }
        }
    }

    private (RankingResult Result, double MaxAbsDifference) EvaluateOnnx(int[] users, TifuParameters p, CancellationToken cancellationToken)
    {
        var vectors = new TifuVectors(data, p.GroupSize, p.WithinDecay, p.GroupDecay);
        var popularity = ScaledPopularity(p.PopularityWeight);
        var modelBytes = NextBasketOnnx.Build(data.ItemCount, p.Alpha, popularity);
        using var session = sessions.Create(modelBytes, "next-basket.onnx");
        var items = data.ItemCount;
        var personal = new float[Batch * items];
        var neighbours = new float[Batch * items];
        var reference = new float[items];
        var userScratch = new float[data.UserCount];
        var touched = new List<int>();
        var scores = new RankingScores();
        double maxDiff = 0;
        for (var start = 0; start < users.Length; start += Batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(Batch, users.Length - start);
            Array.Clear(personal);
            for (var b = 0; b < count; b++)
            {
                var u = users[start + b];
                vectors[u].AddTo(personal.AsSpan(b * items, items), 1);
                var nearest = vectors.Neighbours(u, p.Neighbours, userScratch, touched);
                vectors.NeighbourMean(nearest, p.Neighbours, neighbours.AsSpan(b * items, items));
            }

            using var outputs = session.Run(
                [
                    InputTensor.Create(NextBasketOnnx.PersonalInput, personal.AsMemory(0, count * items), count, items),
                    InputTensor.Create(NextBasketOnnx.NeighboursInput, neighbours.AsMemory(0, count * items), count, items),
                ],
                cancellationToken: cancellationToken);
            var onnxScores = outputs[NextBasketOnnx.ScoresOutput].AsSpan<float>();
            for (var b = 0; b < count; b++)
            {
                var row = onnxScores.Slice(b * items, items);
                NextBasketOnnx.Score(personal.AsSpan(b * items, items), neighbours.AsSpan(b * items, items), p.Alpha, popularity, reference);
                for (var i = 0; i < items; i++)
                {
                    maxDiff = Math.Max(maxDiff, Math.Abs(row[i] - reference[i]));
                }

                scores.Add(TopK.Select(row, MaxK), data.Future[users[start + b]]);
            }
        }

        return (scores.Result(), maxDiff);
    }
}
