namespace Edge.Trainer.Offers;

/// <summary>
/// L2-regularised logistic regression fitted by Newton's method (IRLS) on standardised features: exact, no learning
/// rate, no randomness, so the same data gives the same weights bit for bit. The bias is not penalised.
/// </summary>
internal static class LogisticRegressionTrainer
{
    public static (LogisticModel Model, int Iterations, double LastChange) Fit(double[] x, bool[] labels, int[] rows, int columns, double l2, int maxIterations = 50)
    {
        var mean = new double[columns];
        var scale = new double[columns];
        foreach (var r in rows)
        {
            for (var j = 0; j < columns; j++)
            {
                mean[j] += x[(r * columns) + j];
            }
        }

        for (var j = 0; j < columns; j++)
        {
            mean[j] /= rows.Length;
        }

        foreach (var r in rows)
        {
            for (var j = 0; j < columns; j++)
            {
                var d = x[(r * columns) + j] - mean[j];
                scale[j] += d * d;
            }
        }

        for (var j = 0; j < columns; j++)
        {
            var sd = Math.Sqrt(scale[j] / rows.Length);

            // A constant column (e.g. a category absent from training) keeps scale 1 so the graph never divides by 0.
            scale[j] = sd > 1e-12 ? sd : 1;
        }

        // Parameters: [bias, w_0..w_{columns-1}] over z = (x - mean) / scale.
        var n = columns + 1;
        var beta = new double[n];
        var z = new double[n];
        var gradient = new double[n];
        var hessian = new double[n * n];
        var iterations = 0;
        var change = double.MaxValue;
        while (iterations < maxIterations && change > 1e-9)
        {
            Array.Clear(gradient);
            Array.Clear(hessian);
            foreach (var r in rows)
            {
                z[0] = 1;
                for (var j = 0; j < columns; j++)
                {
                    z[j + 1] = (x[(r * columns) + j] - mean[j]) / scale[j];
                }

                double logit = 0;
                for (var j = 0; j < n; j++)
                {
                    logit += beta[j] * z[j];
                }

                var p = 1 / (1 + Math.Exp(-logit));
                var residual = (labels[r] ? 1 : 0) - p;
                var weight = p * (1 - p);
                for (var a = 0; a < n; a++)
                {
                    gradient[a] += residual * z[a];
                    var wa = weight * z[a];
                    for (var b = 0; b <= a; b++)
                    {
                        hessian[(a * n) + b] += wa * z[b];
                    }
                }
            }

            for (var a = 1; a < n; a++)
            {
                gradient[a] -= l2 * beta[a];
                hessian[(a * n) + a] += l2;
            }

            for (var a = 0; a < n; a++)
            {
                for (var b = a + 1; b < n; b++)
                {
                    hessian[(a * n) + b] = hessian[(b * n) + a];
                }
            }

            var step = SolveCholesky(hessian, gradient, n);
            change = 0;
            for (var j = 0; j < n; j++)
            {
                beta[j] += step[j];
                change = Math.Max(change, Math.Abs(step[j]));
            }

            iterations++;
        }

        return (new LogisticModel(mean, scale, beta[1..], beta[0]), iterations, change);
    }

    /// <summary>Solves A·s = g for a symmetric positive definite A (the L2 term guarantees it).</summary>
    internal static double[] SolveCholesky(double[] a, double[] g, int n)
    {
        var l = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[(i * n) + j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[(i * n) + k] * l[(j * n) + k];
                }

                if (i == j)
                {
                    if (sum <= 0)
                    {
                        throw new InvalidOperationException("The Hessian is not positive definite; raise the L2 penalty.");
                    }

                    l[(i * n) + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[(i * n) + j] = sum / l[(j * n) + j];
                }
            }
        }

        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = g[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[(i * n) + k] * y[k];
            }

            y[i] = sum / l[(i * n) + i];
        }

        var s = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= l[(k * n) + i] * s[k];
            }

            s[i] = sum / l[(i * n) + i];
        }

        return s;
    }
}
