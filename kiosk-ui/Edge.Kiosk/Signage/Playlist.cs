namespace Edge.Kiosk.Signage;

/// <summary>The attract-mode playlist as HQ delivers it (JSON, camelCase). Items play in order, skipping those not scheduled now.</summary>
internal sealed record Playlist(IReadOnlyList<Daypart>? Dayparts, IReadOnlyList<PlaylistItem> Items)
{
    public static readonly Playlist Empty = new([], []);
}
