using Edge.Contracts.Agent;
using Edge.Contracts.Presence;
using Edge.Kiosk.Hosting;
using Edge.Kiosk.Proximity;
using Edge.Kiosk.Tests.Harness;
using Edge.TestKit;
using Microsoft.Extensions.Options;

namespace Edge.Kiosk.Tests.Unit;

public sealed class ProximityBoardTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly ProximityBoard _board;

    public ProximityBoardTests()
    {
        _board = new ProximityBoard(Options.Create(new KioskOptions { Zone = "entrance" }), _clock);
    }

    [Fact]
    public void Apply_OfferInAnotherZone_IsIgnored()
    {
        Assert.False(_board.Apply(Offer("dairy", "c1")));
        Assert.Null(_board.Current);
    }

    [Fact]
    public void Apply_TwoOffersForTheSameMember_GreetsOnceWithBothOffersAndNoDuplicates()
    {
        Assert.True(_board.Apply(Offer("entrance", "c1")));
        Assert.True(_board.Apply(Offer("entrance", "c2")));
        Assert.True(_board.Apply(Offer("entrance", "c2")));
        var greeting = _board.Current!;
        Assert.Equal("Jane", greeting.FirstName);
        Assert.Equal(["c1", "c2"], greeting.Offers.Select(o => o.CouponId));
    }

    [Fact]
    public void Apply_MemberLeftOrMovedAway_EndsTheGreeting_ButMovingWithinTheZoneDoesNot()
    {
        _board.Apply(Offer("entrance", "c1"));
        Assert.False(_board.Apply(new MemberMoved("e1", FakeAgent.MemberId, "entrance", 0.9, _clock.GetUtcNow(), "hall", 1.0)));
        Assert.False(_board.Apply(new MemberLeft("e2", "someone-else", "entrance", 0.9, _clock.GetUtcNow(), _clock.GetUtcNow())));
        Assert.NotNull(_board.Current);
        Assert.True(_board.Apply(new MemberMoved("e3", FakeAgent.MemberId, "dairy", 0.9, _clock.GetUtcNow(), "entrance", 2.0)));
        Assert.Null(_board.Current);

        _board.Apply(Offer("entrance", "c1"));
        Assert.True(_board.Apply(new MemberLeft("e4", FakeAgent.MemberId, "entrance", 0.9, _clock.GetUtcNow(), _clock.GetUtcNow())));
        Assert.Null(_board.Current);
    }

    [Fact]
    public void Current_AfterThreeMinutesOfSilence_IsGone()
    {
        _board.Apply(Offer("entrance", "c1"));
        _clock.Advance(ProximityBoard.Lifetime);
        Assert.Null(_board.Current);
    }

    private OfferIssued Offer(string zone, string couponId) =>
        new(couponId, FakeAgent.MemberId, "Jane", zone, null, FakeAgent.Coffee with { CouponId = couponId }, _clock.GetUtcNow());
}
