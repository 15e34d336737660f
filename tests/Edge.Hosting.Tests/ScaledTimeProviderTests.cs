using Edge.Hosting.Clock;
using Edge.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Edge.Hosting.Tests;

/// <summary>
/// The fast clock of demos and end-to-end tests, driven by a fake "real" clock. Bad inputs tried: a rate below 1 and
/// above 3600 (start-up refused naming Edge:Clock:Rate).
/// </summary>
public sealed class ScaledTimeProviderTests
{
    private static readonly DateTimeOffset Origin = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GetUtcNow_RealSecondsPass_RunsRateTimesFasterFromTheOrigin()
    {
        var real = new FakeTimeProvider(Origin + TimeSpan.FromSeconds(10));
        var clock = new ScaledTimeProvider(real, 20, Origin);

        Assert.Equal(Origin + TimeSpan.FromSeconds(200), clock.GetUtcNow());
        real.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(Origin + TimeSpan.FromSeconds(260), clock.GetUtcNow());
    }

    [Fact]
    public void GetElapsedTime_OneRealSecond_IsRateSeconds()
    {
        var real = new FakeTimeProvider(Origin);
        var clock = new ScaledTimeProvider(real, 12, Origin);
        var start = clock.GetTimestamp();

        real.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(12), clock.GetElapsedTime(start));
    }

    [Fact]
    public void CreateTimer_DueAndPeriodOnTheFastClock_FireAfterTheirRealShare()
    {
        var real = new FakeTimeProvider(Origin);
        var clock = new ScaledTimeProvider(real, 60, Origin);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2));

        real.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, fired);
        real.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, fired);
        real.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, fired);

        // Change is scaled too, and an infinite due time stops the timer.
        timer.Change(TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        real.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(3, fired);
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        real.Advance(TimeSpan.FromHours(1));
        Assert.Equal(3, fired);
    }

    [Fact]
    public async Task Delay_SimulatedMinute_CompletesAfterOneRealSecond()
    {
        var real = new FakeTimeProvider(Origin);
        var clock = new ScaledTimeProvider(real, 60, Origin);

        var delay = Task.Delay(TimeSpan.FromMinutes(1), clock);
        await real.WaitForActiveTimersAsync(1, TimeSpan.FromSeconds(10));
        Assert.False(delay.IsCompleted);
        real.Advance(TimeSpan.FromSeconds(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
    }

    [Fact]
    public void AddEdgeHostDefaults_RateAndOrigin_ServesTheFastClock()
    {
        using var host = TestHosts.Builder(new Dictionary<string, string?> { ["Edge:Clock:Rate"] = "30", ["Edge:Clock:Origin"] = "2026-11-23T09:00:00Z" }).AddEdgeHostDefaultsAndBuild();

        var clock = Assert.IsType<ScaledTimeProvider>(host.Services.GetRequiredService<TimeProvider>());
        Assert.Equal(30, clock.Rate);
    }

    [Fact]
    public void AddEdgeHostDefaults_NoClockSection_ServesTheSystemClock()
    {
        using var host = TestHosts.Builder(new Dictionary<string, string?>()).AddEdgeHostDefaultsAndBuild();

        Assert.Same(TimeProvider.System, host.Services.GetRequiredService<TimeProvider>());
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("4000")]
    public async Task StartAsync_RateOutOfRange_RefusedNamingTheKey(string rate)
    {
        using var host = TestHosts.Builder(new Dictionary<string, string?> { ["Edge:Clock:Rate"] = rate }).AddEdgeHostDefaultsAndBuild();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains("Edge:Clock:Rate", error.Message, StringComparison.Ordinal);
    }
}
