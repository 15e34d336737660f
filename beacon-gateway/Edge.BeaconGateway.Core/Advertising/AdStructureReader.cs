namespace Edge.BeaconGateway.Advertising;

/// <summary>
/// Walks the AD structures of advertising data: Length(1) Type(1) Value(Length-1) (Core Vol 3 Part C 11).
/// A zero length ends the significant part (the rest is padding). A length running past the end stops the walk
/// and sets <see cref="IsMalformed"/>; structures before it stay usable.
/// </summary>
public ref struct AdStructureReader
{
    private ReadOnlySpan<byte> _rest;

    public AdStructureReader(ReadOnlySpan<byte> data)
    {
        _rest = data;
        IsMalformed = false;
    }

    public bool IsMalformed { get; private set; }

    public bool TryRead(out byte type, out ReadOnlySpan<byte> value)
    {
        type = 0;
        value = default;
        if (_rest.IsEmpty || _rest[0] == 0)
        {
            _rest = default;
            return false;
        }

        int length = _rest[0];
        if (length + 1 > _rest.Length)
        {
            IsMalformed = true;
            _rest = default;
            return false;
        }

        type = _rest[1];
        value = _rest.Slice(2, length - 1);
        _rest = _rest[(length + 1)..];
        return true;
    }
}
