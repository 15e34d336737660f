using Edge.BeaconGateway.Members;
using Edge.TestKit;
using Xunit;

namespace Edge.BeaconGateway.Tests.Members;

public sealed class RotatingIdResolverTests
{
    [Fact]
    public void Start_AtEachBoundary_RebuildsAndSwapsTable()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 3, 0, TimeSpan.Zero));
        using var resolver = new RotatingIdResolver(clock, TimeSpan.FromMinutes(10));
        var members = MemberIdTableTests.Members(10);
        resolver.UpdateKeys(members);
        var swaps = new List<long>();
        resolver.TableSwapped += (table, _) => swaps.Add(table.CurrentWindow);
        resolver.Start();
        var w = RotatingId.WindowIndex(clock.GetUtcNow(), resolver.Window);

        Assert.True(resolver.TryResolve(RotatingId.Compute(members[3].Key, w + 1), out var memberId, out var offset));
        Assert.Equal(("member-000003", 1), (memberId, offset));
        Assert.False(resolver.TryResolve(RotatingId.Compute(members[3].Key, w + 2), out _, out _));

        clock.Advance(TimeSpan.FromMinutes(6)); // 09:09: still window w
        Assert.Equal(w, resolver.Table.CurrentWindow);
        clock.Advance(TimeSpan.FromMinutes(1)); // 09:10: boundary
        Assert.Equal(w + 1, resolver.Table.CurrentWindow);
        Assert.True(resolver.TryResolve(RotatingId.Compute(members[3].Key, w + 2), out _, out offset));
        Assert.Equal(1, offset);
        Assert.False(resolver.TryResolve(RotatingId.Compute(members[3].Key, w - 1), out _, out _));

        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(w + 4, resolver.Table.CurrentWindow);
        Assert.Equal([w, w + 1, w + 2, w + 3, w + 4], swaps);
    }

    [Fact]
    public void UpdateKeys_MemberRevoked_NoLongerResolves()
    {
        var clock = new FakeTimeProvider();
        using var resolver = new RotatingIdResolver(clock, TimeSpan.FromMinutes(10));
        var members = MemberIdTableTests.Members(3);
        resolver.UpdateKeys(members);
        var id = RotatingId.Compute(members[1].Key, RotatingId.WindowIndex(clock.GetUtcNow(), resolver.Window));
        Assert.True(resolver.TryResolve(id, out _, out _));

        resolver.UpdateKeys([members[0], members[2]]);

        Assert.False(resolver.TryResolve(id, out _, out _));
    }

    [Fact]
    public void Constructor_WindowUnderOneSecond_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RotatingIdResolver(new FakeTimeProvider(), TimeSpan.FromMilliseconds(10)));
    }
}
