namespace Edge.BeaconGateway.Hci;

/// <summary>
/// Joins the fragments of extended advertising data (data status 0b01 "more to come" then 0b00 "complete",
/// Vol 4 Part E 7.7.65.13). Fragments of one advert arrive in order from one advertiser and SID; a few adverts
/// can interleave, so a small fixed set of slots with preallocated buffers is kept and the oldest is evicted.
/// Not thread-safe: one reassembler per HCI source.
/// </summary>
internal sealed class FragmentReassembler
{
    private const int SlotCount = 8;
    private readonly Slot[] _slots = new Slot[SlotCount];
    private long _sequence;

    public FragmentReassembler()
    {
        for (var i = 0; i < SlotCount; i++)
        {
            _slots[i] = new Slot();
        }
    }

    /// <summary>Appends a "more to come" fragment. Returns false (and counts why) when the advert was dropped.</summary>
    public bool Append(BleAddress address, byte sid, ReadOnlySpan<byte> fragment, MalformedCounters counters)
    {
        var slot = Find(address, sid);
        if (slot is null)
        {
            slot = Allocate(counters);
            slot.Address = address;
            slot.Sid = sid;
            slot.Length = 0;
            slot.InUse = true;
        }

        slot.LastUsed = ++_sequence;
        if (slot.Length + fragment.Length > HciConstants.MaxExtendedAdvertisingData)
        {
            slot.InUse = false;
            counters.Increment(MalformedReason.FragmentOverflow);
            return false;
        }

        fragment.CopyTo(slot.Buffer.AsSpan(slot.Length));
        slot.Length += fragment.Length;
        return true;
    }

    /// <summary>
    /// Completes an advert with its last fragment. Returns the joined data when earlier fragments were pending,
    /// the fragment itself when none were, or false when the joined data would overflow.
    /// </summary>
    public bool Complete(BleAddress address, byte sid, ReadOnlySpan<byte> lastFragment, MalformedCounters counters, out ReadOnlySpan<byte> data)
    {
        var slot = Find(address, sid);
        if (slot is null)
        {
            data = lastFragment;
            return true;
        }

        slot.InUse = false;
        if (slot.Length + lastFragment.Length > HciConstants.MaxExtendedAdvertisingData)
        {
            counters.Increment(MalformedReason.FragmentOverflow);
            data = default;
            return false;
        }

        lastFragment.CopyTo(slot.Buffer.AsSpan(slot.Length));
        data = slot.Buffer.AsSpan(0, slot.Length + lastFragment.Length);
        return true;
    }

    /// <summary>The controller gave up on this advert (data status 0b10): forget what was pending.</summary>
    public void Abandon(BleAddress address, byte sid)
    {
        var slot = Find(address, sid);
        if (slot is not null)
        {
            slot.InUse = false;
        }
    }

    public int Pending
    {
        get
        {
            var count = 0;
            foreach (var slot in _slots)
            {
                count += slot.InUse ? 1 : 0;
            }

            return count;
        }
    }

    private Slot? Find(BleAddress address, byte sid)
    {
        foreach (var slot in _slots)
        {
            if (slot.InUse && slot.Address == address && slot.Sid == sid)
            {
                return slot;
            }
        }

        return null;
    }

    private Slot Allocate(MalformedCounters counters)
    {
        Slot? oldest = null;
        foreach (var slot in _slots)
        {
            if (!slot.InUse)
            {
                return slot;
            }

            if (oldest is null || slot.LastUsed < oldest.LastUsed)
            {
                oldest = slot;
            }
        }

        counters.Increment(MalformedReason.FragmentEvicted);
        return oldest!;
    }

    private sealed class Slot
    {
        public byte[] Buffer { get; } = new byte[HciConstants.MaxExtendedAdvertisingData];

        public BleAddress Address { get; set; }

        public byte Sid { get; set; }

        public int Length { get; set; }

        public bool InUse { get; set; }

        public long LastUsed { get; set; }
    }
}
