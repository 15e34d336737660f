namespace Edge.Trainer.NextBasket;

/// <summary>
/// The Reality Check's "P-TopFreq + G-TopFreq" baseline: the user's own items by how often they were bought, ties
/// and the rest filled by global popularity. Score = own count + popularity/(max popularity + 1), so every own
/// item outranks every item the user never bought.
/// </summary>
internal static class FrequencyBaseline
{
    public static int[] Rank(int[][] history, ReadOnlySpan<float> popularity, float maxPopularity, float[] scratch, int k)
    {
        for (var i = 0; i < scratch.Length; i++)
        {
            scratch[i] = popularity[i] / (maxPopularity + 1);
        }

        foreach (var basket in history)
        {
            foreach (var item in basket)
            {
                scratch[item] += 1;
            }
        }

        return TopK.Select(scratch, k);
    }
}
