namespace Edge.Trainer.NextBasket;

/// <summary>Items and values in ascending item order.</summary>
internal sealed record SparseVector(int[] Items, float[] Values)
{
    public float Norm()
    {
        double sum = 0;
        foreach (var v in Values)
        {
            sum += (double)v * v;
        }

        return (float)Math.Sqrt(sum);
    }

    public void AddTo(Span<float> dense, float weight)
    {
        for (var i = 0; i < Items.Length; i++)
        {
            dense[Items[i]] += weight * Values[i];
        }
    }
}
