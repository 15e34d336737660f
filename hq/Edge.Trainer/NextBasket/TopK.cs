namespace Edge.Trainer.NextBasket;

/// <summary>Indices of the k largest scores, best first; equal scores by lower index (deterministic).</summary>
internal static class TopK
{
    public static int[] Select(ReadOnlySpan<float> scores, int k)
    {
        k = Math.Min(k, scores.Length);
        var bestItems = new int[k];
        var bestScores = new float[k];
        var filled = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            if (filled == k && !(s > bestScores[k - 1]))
            {
                continue;
            }

            // Insertion into the sorted prefix; a later index with an equal score stays behind the earlier one.
            var pos = filled < k ? filled : k - 1;
            while (pos > 0 && s > bestScores[pos - 1])
            {
                if (pos < k)
                {
                    bestScores[pos] = bestScores[pos - 1];
                    bestItems[pos] = bestItems[pos - 1];
                }

                pos--;
            }

            bestScores[pos] = s;
            bestItems[pos] = i;
            if (filled < k)
            {
                filled++;
            }
        }

        return bestItems;
    }
}
