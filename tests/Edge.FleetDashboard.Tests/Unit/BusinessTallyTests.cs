using Edge.Contracts.Agent;
using Edge.FleetDashboard.Business;
using static Edge.FleetDashboard.Tests.Support.UpRecords;

namespace Edge.FleetDashboard.Tests.Unit;

/// <summary>
/// The business figures computed from the cloud's records. Bad inputs tried: a record that is not its stream's event, a
/// record listed twice (the same idempotency key), a redemption of a coupon not in the records, a conversion of a
/// decision that is not a holdout one, an hour claiming more claims than alerts, an hour without a time total.
/// </summary>
public sealed class BusinessTallyTests
{
    [Fact]
    public void Offers_TreatedHoldoutRedemptionsAndConversions_RatesAndUpliftFromDistinctKeys()
    {
        var tally = new BusinessTally();
        var decisions = Records(OutboxStreams.OffersIssued,
            Treated("d1", "c1"), Treated("d2", "c2"), Treated("d3", "c3"), Treated("d4", "c4"), Treated("d1", "c1"), // d1 listed twice
            Treated("d9", null), // cooldown: gave nothing, in neither group
            Holdout("h1", "o-1"), Holdout("h2", "o-1"), Holdout("h3", "o-1"), Holdout("h4", null), Junk("junk-1"));
        var redemptions = Records(OutboxStreams.Redemptions, Redemption("c1"), Redemption("c2"), Redemption("c2"), Redemption("c-older"));
        var conversions = Records(OutboxStreams.HoldoutConversions, Conversion("h1"), Conversion("d3"), Conversion("h1"));

        var offers = tally.Offers(decisions, redemptions, conversions);

        Assert.Equal(new OfferFigures(Issued: 4, Redeemed: 2, Holdout: 3, HoldoutConverted: 1), offers);
        Assert.Equal(0.5, offers.RedemptionRate);
        Assert.Equal(1 / 3.0, offers.HoldoutConversionRate);
        Assert.Equal(0.5 - (1 / 3.0), offers.Uplift!.Value, 12);
        Assert.Equal(1, tally.Unreadable);
    }

    [Fact]
    public void Offers_NoHoldoutWithAnOffer_UpliftUnknownNotZero()
    {
        var offers = new BusinessTally().Offers(Records(OutboxStreams.OffersIssued, Treated("d1", "c1"), Holdout("h1", null)), Records(OutboxStreams.Redemptions, Redemption("c1")), []);

        Assert.Equal(1.0, offers.RedemptionRate);
        Assert.Null(offers.HoldoutConversionRate);
        Assert.Null(offers.Uplift);
    }

    [Fact]
    public void Alerts_HourlyOutcomes_SummedWithExactMeanTimeToClaim()
    {
        var tally = new BusinessTally();
        var records = Records(OutboxStreams.AlertOutcomes,
            AlertHour(9, raised: 4, claimed: 3, escalated: 1, expired: 1, withdrawn: 0, median: 20, total: 75),
            AlertHour(10, raised: 2, claimed: 1, escalated: 0, expired: 0, withdrawn: 1, median: 45, total: 45),
            AlertHour(10, raised: 2, claimed: 1, escalated: 0, expired: 0, withdrawn: 1, median: 45, total: 45), // the same hour's key again
            AlertHour(11, raised: 1, claimed: 2, escalated: 0, expired: 0, withdrawn: 0, median: 5, total: 10), // more claims than alerts
            Junk("junk-2"));

        var alerts = tally.Alerts(records);

        Assert.Equal(new AlertFigures(Hours: 2, Raised: 6, Claimed: 4, Escalated: 1, Expired: 1, Withdrawn: 1, ClaimsTimed: 4, MeanSecondsToClaim: 30.0), alerts);
        Assert.Equal(4 / 6.0, alerts!.ClaimRate);
        Assert.Equal(2, tally.Unreadable);
    }

    [Fact]
    public void Alerts_HourFromAnOlderHubWithoutTotal_LeftOutOfTheMeanButCounted()
    {
        var alerts = new BusinessTally().Alerts(Records(OutboxStreams.AlertOutcomes,
            AlertHour(9, 2, 2, 0, 0, 0, median: 10, total: null), AlertHour(10, 1, 1, 0, 0, 0, median: 50, total: 50)));

        Assert.Equal((3L, 1L, 50.0), (alerts!.Claimed, alerts.ClaimsTimed, alerts.MeanSecondsToClaim!.Value));
    }

    [Fact]
    public void Alerts_NoRecords_NullNotZero() => Assert.Null(new BusinessTally().Alerts([]));

    [Fact]
    public void Distinct_SameKeyTwice_CountedOnce() =>
        Assert.Equal(2, BusinessTally.Distinct(Records(OutboxStreams.ProofOfPlay, Play("a"), Play("b"), Play("a"))));
}
