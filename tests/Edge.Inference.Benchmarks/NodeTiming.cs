namespace Edge.Inference.Benchmarks;

/// <summary>What ort-node-bench.js prints.</summary>
internal sealed record NodeTiming(double MeanNs, double MedianNs, double P99Ns, int Iterations, string Version, double Checksum);
