namespace Edge.Kiosk.Signage;

/// <summary>
/// One slide. <see cref="Asset"/> is a plain file name in the asset cache; <see cref="SourceUrl"/> (optional) is where
/// it is fetched from when missing, checked against <see cref="Sha256"/> when given. Schedule: optional validity
/// window (<see cref="From"/>/<see cref="Until"/>), weekdays (<see cref="Days"/>, "mon".."sun") and dayparts by name.
/// </summary>
public sealed record PlaylistItem(
    string Id,
    SignageItemKind Kind,
    string Asset,
    int DurationSeconds,
    string Title,
    string? SourceUrl = null,
    string? Sha256 = null,
    DateTimeOffset? From = null,
    DateTimeOffset? Until = null,
    IReadOnlyList<string>? Days = null,
    IReadOnlyList<string>? Dayparts = null);
