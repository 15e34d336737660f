using Edge.Messaging.Client;

namespace Edge.Messaging.Tests.Client;

public sealed class ReconnectBackoffTests
{
    private static readonly MqttReconnectOptions Options = new()
    {
        InitialDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(30),
        Jitter = 0.5,
    };

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(4, 16)]
    [InlineData(5, 30)]
    [InlineData(1000, 30)]
    public void Delay_NoRandomReduction_DoublesUpToTheCap(int attempt, int expectedSeconds)
    {
        var backoff = new ReconnectBackoff(Options, () => 0);
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), backoff.Delay(attempt));
    }

    [Fact]
    public void Delay_FullRandomDraw_ReducesByTheJitterFraction()
    {
        var backoff = new ReconnectBackoff(Options, () => 1);
        Assert.Equal(TimeSpan.FromSeconds(8), backoff.Delay(4));
    }

    [Fact]
    public void Delay_RealRandom_StaysWithinTheJitterBand()
    {
        var backoff = new ReconnectBackoff(Options);
        var delays = Enumerable.Range(0, 200).Select(_ => backoff.Delay(3)).ToList();
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)));

        // Jitter exists to spread a fleet's reconnects: 200 draws must not all be equal.
        Assert.True(delays.Distinct().Count() > 10);
    }
}
