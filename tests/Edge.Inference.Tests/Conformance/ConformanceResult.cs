namespace Edge.Inference.Tests.Conformance;

internal sealed record ConformanceResult(string Case, ConformanceOutcome Outcome, string Detail);
