namespace Edge.Trainer.NextBasket;

/// <summary>Every user's time-decayed item-frequency vector (TIFU), and a cosine KNN over them.</summary>
internal sealed class TifuVectors
{
    private readonly SparseVector[] _vectors;
    private readonly float[] _norms;
    private readonly int[][] _postingUsers;
    private readonly float[][] _postingValues;

    public TifuVectors(BasketData data, int groupSize, float withinDecay, float groupDecay)
    {
        _vectors = new SparseVector[data.UserCount];
        _norms = new float[data.UserCount];
        var dense = new float[data.ItemCount];
        var touched = new List<int>();
        for (var u = 0; u < data.UserCount; u++)
        {
            _vectors[u] = Build(data.History[u], groupSize, withinDecay, groupDecay, dense, touched);
            _norms[u] = _vectors[u].Norm();
        }

        // Inverted index item -> (user, value) for the KNN dot products.
        var counts = new int[data.ItemCount];
        foreach (var v in _vectors)
        {
            foreach (var item in v.Items)
            {
                counts[item]++;
            }
        }

        _postingUsers = new int[data.ItemCount][];
        _postingValues = new float[data.ItemCount][];
        for (var i = 0; i < data.ItemCount; i++)
        {
            _postingUsers[i] = new int[counts[i]];
            _postingValues[i] = new float[counts[i]];
            counts[i] = 0;
        }

        for (var u = 0; u < _vectors.Length; u++)
        {
            var v = _vectors[u];
            for (var j = 0; j < v.Items.Length; j++)
            {
                var item = v.Items[j];
                _postingUsers[item][counts[item]] = u;
                _postingValues[item][counts[item]++] = v.Values[j];
            }
        }
    }

    public SparseVector this[int user] => _vectors[user];

    /// <summary>
    /// TIFU's personal vector: groups of <paramref name="groupSize"/> baskets counted from the newest, the oldest group
    /// taking the remainder; group vector = Σ rb^(last-j)·basket_j / |group|; user vector = Σ rg^(G-1-g)·group_g / G.
    /// </summary>
    internal static SparseVector Build(int[][] baskets, int groupSize, float withinDecay, float groupDecay, float[] dense, List<int> touched)
    {
        var n = baskets.Length;
        var groups = (n + groupSize - 1) / groupSize;
        var firstSize = n - ((groups - 1) * groupSize);
        var start = 0;
        for (var g = 0; g < groups; g++)
        {
            var size = g == 0 ? firstSize : groupSize;
            var groupWeight = MathF.Pow(groupDecay, groups - 1 - g) / groups;
            for (var j = 0; j < size; j++)
            {
                var weight = groupWeight * MathF.Pow(withinDecay, size - 1 - j) / size;
                foreach (var item in baskets[start + j])
                {
                    if (dense[item] == 0)
                    {
                        touched.Add(item);
                    }

                    dense[item] += weight;
                }
            }

            start += size;
        }

        touched.Sort();
        var items = touched.ToArray();
        var values = new float[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            values[i] = dense[items[i]];
            dense[items[i]] = 0;
        }

        touched.Clear();
        return new SparseVector(items, values);
    }

    /// <summary>
    /// The <paramref name="k"/> users most cosine-similar to <paramref name="user"/> (never itself), best first; ties by
    /// lower user index. <paramref name="scratch"/> is a zeroed float[UserCount] returned zeroed.
    /// </summary>
    public int[] Neighbours(int user, int k, float[] scratch, List<int> touched)
    {
        var query = _vectors[user];
        for (var j = 0; j < query.Items.Length; j++)
        {
            var users = _postingUsers[query.Items[j]];
            var values = _postingValues[query.Items[j]];
            var q = query.Values[j];
            for (var p = 0; p < users.Length; p++)
            {
                if (scratch[users[p]] == 0)
                {
                    touched.Add(users[p]);
                }

                scratch[users[p]] += q * values[p];
            }
        }

        var candidates = new (float Similarity, int User)[touched.Count];
        var count = 0;
        foreach (var other in touched)
        {
            if (other != user && _norms[other] > 0)
            {
                candidates[count++] = (scratch[other] / (_norms[other] * _norms[user]), other);
            }

            scratch[other] = 0;
        }

        touched.Clear();
        var span = candidates.AsSpan(0, count);
        span.Sort(static (a, b) => a.Similarity != b.Similarity ? b.Similarity.CompareTo(a.Similarity) : a.User.CompareTo(b.User));
        var take = Math.Min(k, count);
        var result = new int[take];
        for (var i = 0; i < take; i++)
        {
            result[i] = span[i].User;
        }

        return result;
    }

    /// <summary>Mean of the first <paramref name="k"/> neighbours' vectors into <paramref name="dense"/> (divided by k, as TIFU-KNN does).</summary>
    public void NeighbourMean(ReadOnlySpan<int> neighbours, int k, Span<float> dense)
    {
        dense.Clear();
        var n = Math.Min(k, neighbours.Length);
        var weight = 1f / k;
        for (var i = 0; i < n; i++)
        {
            _vectors[neighbours[i]].AddTo(dense, weight);
        }
    }
}
