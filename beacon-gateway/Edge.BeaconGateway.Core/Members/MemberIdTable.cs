namespace Edge.BeaconGateway.Members;

/// <summary>
/// An immutable open-addressing hash table from 8-byte rotating IDs to members, holding the previous, current and
/// next window's ID of every member (so one window of clock skew either way still resolves). Built off the hot
/// path, swapped in atomically, read lock-free and allocation-free. IDs are AES output, so their low bits are
/// already uniform and serve as the hash directly.
/// </summary>
public sealed class MemberIdTable
{
    private readonly ulong[] _ids;

    // 0 = empty; otherwise (memberIndex << 2 | (windowOffset + 1)) + 1.
    private readonly int[] _entries;
    private readonly int _mask;

    private MemberIdTable(long currentWindow, string[] memberIds, ulong[] ids, int[] entries, int collisions)
    {
        CurrentWindow = currentWindow;
        MemberIds = memberIds;
        _ids = ids;
        _entries = entries;
        _mask = ids.Length - 1;
        Collisions = collisions;
    }

    public static MemberIdTable Empty { get; } = new(0, [], new ulong[1], new int[1], 0);

    public long CurrentWindow { get; }

    /// <summary>Member ids by member index.</summary>
    public IReadOnlyList<string> MemberIds { get; }

    public int Count => MemberIds.Count;

    /// <summary>Two members with the same 64-bit ID in the same table (astronomically rare); the first one wins.</summary>
    public int Collisions { get; }

    public static MemberIdTable Build(IReadOnlyList<MemberKey> members, long currentWindow)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count > (int.MaxValue >> 3))
        {
            throw new ArgumentOutOfRangeException(nameof(members), "Too many members for one table.");
        }

        // Load factor at most 3/8 keeps linear probes short: 3 IDs per member.
        var capacity = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(members.Count * 8)));
        var ids = new ulong[capacity];
        var entries = new int[capacity];
        var memberIds = new string[members.Count];
        var mask = capacity - 1;
        var collisions = 0;
        Span<ulong> windowIds = stackalloc ulong[3];
        for (var m = 0; m < members.Count; m++)
        {
            memberIds[m] = members[m].MemberId;
            RotatingId.ComputeConsecutive(members[m].Key, currentWindow - 1, windowIds);
            for (var w = 0; w < 3; w++)
            {
                var id = windowIds[w];
                var slot = (int)id & mask;
                while (entries[slot] != 0 && ids[slot] != id)
                {
                    slot = (slot + 1) & mask;
                }

                if (entries[slot] != 0)
                {
                    collisions++;
                    continue;
                }

                ids[slot] = id;
                entries[slot] = ((m << 2) | w) + 1;
            }
        }

        return new MemberIdTable(currentWindow, memberIds, ids, entries, collisions);
    }

    public bool TryResolve(ulong rotatingId, out MemberMatch match)
    {
        var slot = (int)rotatingId & _mask;
        while (true)
        {
            var entry = _entries[slot];
            if (entry == 0)
            {
                match = default;
                return false;
            }

            if (_ids[slot] == rotatingId)
            {
                entry--;
                match = new MemberMatch(entry >> 2, (entry & 3) - 1);
                return true;
            }

            slot = (slot + 1) & _mask;
        }
    }
}
