namespace Edge.Messaging.Benchmarks;

/// <summary>Arrivals on one topic.</summary>
internal interface IArrivalTally
{
    int Count { get; }

    /// <summary>Messages per second between the first and the last arrival (no start-up cost on either side).</summary>
    double ArrivalRate { get; }

    /// <summary>Waits for every message, or gives up once nothing more arrives (then some were lost).</summary>
    Task WaitAsync();
}
