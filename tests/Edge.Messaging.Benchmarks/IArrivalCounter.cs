namespace Edge.Messaging.Benchmarks;

/// <summary>A subscriber that counts arrivals per topic; both contenders publish to the same one in a run.</summary>
internal interface IArrivalCounter : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Starts counting <paramref name="count"/> messages on <paramref name="topic"/> (one topic per round).</summary>
    IArrivalTally Expect(string topic, int count);
}
