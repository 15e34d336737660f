namespace Edge.Trainer.Offers;

/// <summary>
/// p = sigmoid(b + Σ w_j·(x_j - mean_j)/scale_j). Standardisation is part of the model (and of its ONNX graph), so
/// the hub feeds raw features.
/// </summary>
internal sealed record LogisticModel(double[] Mean, double[] Scale, double[] Weights, double Bias)
{
    public double Score(ReadOnlySpan<double> row)
    {
        var logit = Bias;
        for (var j = 0; j < Weights.Length; j++)
        {
            logit += Weights[j] * ((row[j] - Mean[j]) / Scale[j]);
        }

        return 1 / (1 + Math.Exp(-logit));
    }
}
