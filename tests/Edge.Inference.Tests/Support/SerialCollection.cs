namespace Edge.Inference.Tests.Support;

/// <summary>Tests that measure process-wide state (RSS, live ORT handles) run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial (process-wide measurements)";
}
