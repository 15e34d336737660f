using Edge.Agent.Alerts;

namespace Edge.Agent.Tests.Alerts;

public sealed class ClerkRouterTests
{
    private static AlertsOptions Options(bool anyZone = true)
    {
        var options = new AlertsOptions { AnyZoneFallback = anyZone, MaxAlertsPerClerkPerHour = 3 };
        options.Zones["tv"] = new AlertZoneOptions { Category = "electronics", Neighbours = ["audio", "phones"] };
        return options;
    }

    [Fact]
    public void Choose_ZoneClerkFree_ZoneClerkWithFewestAlertsWins()
    {
        ClerkState[] clerks = [new("b", true, false, "tv"), new("a", true, false, "tv"), new("c", true, false, "audio")];
        var chosen = ClerkRouter.Choose(clerks, new Dictionary<string, int> { ["a"] = 2, ["b"] = 1 }, "tv", [], Options());
        Assert.Equal("b", chosen!.ClerkId);
    }

    [Fact]
    public void Choose_ZoneClerksBusyOffShiftCappedOrTried_NeighboursInConfiguredOrderThenAnyone()
    {
        ClerkState[] clerks =
        [
            new("busy", true, true, "tv"), new("off", false, false, "tv"), new("capped", true, false, "tv"), new("tried", true, false, "tv"),
            new("phones", true, false, "phones"), new("audio", true, false, "audio"), new("elsewhere", true, false, "grocery"),
        ];
        var sent = new Dictionary<string, int> { ["capped"] = 3 };
        Assert.Equal("audio", ClerkRouter.Choose(clerks, sent, "tv", ["tried"], Options())!.ClerkId);
        Assert.Equal("phones", ClerkRouter.Choose(clerks, sent, "tv", ["tried", "audio"], Options())!.ClerkId);
        Assert.Equal("elsewhere", ClerkRouter.Choose(clerks, sent, "tv", ["tried", "audio", "phones"], Options())!.ClerkId);
        Assert.Null(ClerkRouter.Choose(clerks, sent, "tv", ["tried", "audio", "phones"], Options(anyZone: false)));
    }

    [Fact]
    public void Median_EvenAndOddAndEmpty_MiddleValue()
    {
        Assert.Equal(20.0, AlertReporter.Median([30, 10, 20]));
        Assert.Equal(15.0, AlertReporter.Median([10, 20]));
        Assert.Null(AlertReporter.Median([]));
    }
}
