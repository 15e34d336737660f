using Edge.BeaconGateway.Members;
using Xunit;

namespace Edge.BeaconGateway.Tests.Members;

public sealed class MemberIdTableTests
{
    internal static List<MemberKey> Members(int count, int seed = 1)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var key = new byte[16];
            rng.NextBytes(key);
            return new MemberKey($"member-{i:D6}", key);
        }).ToList();
    }

    [Fact]
    public void TryResolve_PreviousCurrentNextWindow_ResolveWithOffset()
    {
        var members = Members(1000);
        var table = MemberIdTable.Build(members, 500);

        foreach (var (member, index) in members.Select((m, i) => (m, i)))
        {
            for (var offset = -1; offset <= 1; offset++)
            {
                Assert.True(table.TryResolve(RotatingId.Compute(member.Key, 500 + offset), out var match));
                Assert.Equal(new MemberMatch(index, offset), match);
            }
        }

        Assert.Equal(0, table.Collisions);
        Assert.Equal("member-000042", table.MemberIds[42]);
    }

    [Fact]
    public void TryResolve_TwoWindowsAwayOrUnknown_DoesNotResolve()
    {
        var members = Members(100);
        var table = MemberIdTable.Build(members, 500);

        Assert.False(table.TryResolve(RotatingId.Compute(members[0].Key, 502), out _));
        Assert.False(table.TryResolve(RotatingId.Compute(members[0].Key, 498), out _));
        Assert.False(table.TryResolve(RotatingId.Compute(new byte[16], 500), out _));
        Assert.False(MemberIdTable.Empty.TryResolve(0, out _));
    }

    [Fact]
    public void TryResolve_HotPath_AllocatesNothing()
    {
        var members = Members(1000);
        var table = MemberIdTable.Build(members, 7);
        var ids = members.Select(m => RotatingId.Compute(m.Key, 7)).ToArray();
        table.TryResolve(ids[0], out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = 0;
        for (var round = 0; round < 100; round++)
        {
            foreach (var id in ids)
            {
                found += table.TryResolve(id, out _) ? 1 : 0;
                found += table.TryResolve(~id, out _) ? 1 : 0;
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(100_000, found);
    }
}
