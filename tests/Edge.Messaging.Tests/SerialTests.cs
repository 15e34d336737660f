namespace Edge.Messaging.Tests;

/// <summary>Tests that measure the process (threads, descriptors, memory, throughput) run alone.</summary>
[CollectionDefinition(nameof(SerialTests), DisableParallelization = true)]
public sealed class SerialTests;
