using System.Text.Json;
using System.Text.RegularExpressions;

namespace Edge.Kiosk.Signage;

/// <summary>Reads and checks a playlist; a bad one is refused as a whole with a reason (the player keeps the previous one).</summary>
internal static partial class PlaylistParser
{
    private static readonly string[] WeekDays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static Playlist Parse(ReadOnlySpan<byte> json)
    {
        Playlist? playlist;
        try
        {
            playlist = JsonSerializer.Deserialize(json, PlaylistJsonContext.Default.Playlist);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not valid playlist JSON ({ex.Message})", ex);
        }

        if (playlist?.Items is null)
        {
            throw new FormatException("no 'items' array");
        }

        var dayparts = playlist.Dayparts ?? [];
        var daypartNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in dayparts)
        {
            if (string.IsNullOrWhiteSpace(d?.Name) || !daypartNames.Add(d.Name))
            {
                throw new FormatException($"daypart '{d?.Name}' is unnamed or defined twice");
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in playlist.Items)
        {
            if (item is null || string.IsNullOrWhiteSpace(item.Id) || !ids.Add(item.Id))
            {
                throw new FormatException($"item id '{item?.Id}' is empty or used twice");
            }

            if (!Enum.IsDefined(item.Kind))
            {
                throw new FormatException($"item '{item.Id}': unknown kind");
            }

            if (item.Asset is null || !AssetName().IsMatch(item.Asset))
            {
                throw new FormatException($"item '{item.Id}': asset '{item.Asset}' must be a plain file name (letters, digits, '.', '-', '_')");
            }

            if (item.DurationSeconds is < 1 or > 3600)
            {
                throw new FormatException($"item '{item.Id}': durationSeconds must be 1-3600");
            }

            if (string.IsNullOrWhiteSpace(item.Title))
            {
                throw new FormatException($"item '{item.Id}': a title is required (it is the slide's text alternative)");
            }

            if (item.SourceUrl is not null && (!Uri.TryCreate(item.SourceUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            {
                throw new FormatException($"item '{item.Id}': sourceUrl must be an absolute http(s) URL");
            }

            if (item.Sha256 is not null && !Sha256Hex().IsMatch(item.Sha256))
            {
                throw new FormatException($"item '{item.Id}': sha256 must be 64 hex digits");
            }

            foreach (var day in item.Days ?? [])
            {
                if (!WeekDays.Contains(day, StringComparer.OrdinalIgnoreCase))
                {
                    throw new FormatException($"item '{item.Id}': day '{day}' is not one of {string.Join(", ", WeekDays)}");
                }
            }

            foreach (var part in item.Dayparts ?? [])
            {
                if (!daypartNames.Contains(part))
                {
                    throw new FormatException($"item '{item.Id}': daypart '{part}' is not defined");
                }
            }
        }

        return playlist with { Dayparts = dayparts };
    }

    /// <summary>True when <paramref name="item"/> is scheduled at <paramref name="localNow"/> (the store's local time).</summary>
    public static bool IsScheduled(Playlist playlist, PlaylistItem item, DateTimeOffset localNow)
    {
        if ((item.From is { } from && localNow < from) || (item.Until is { } until && localNow >= until))
        {
            return false;
        }

        if (item.Days is { Count: > 0 } days && !days.Contains(WeekDays[(int)localNow.DayOfWeek], StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (item.Dayparts is { Count: > 0 } parts)
        {
            var time = TimeOnly.FromTimeSpan(localNow.TimeOfDay);
            return playlist.Dayparts!.Any(d => parts.Contains(d.Name, StringComparer.OrdinalIgnoreCase) && d.Contains(time));
        }

        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex AssetName();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();
}
