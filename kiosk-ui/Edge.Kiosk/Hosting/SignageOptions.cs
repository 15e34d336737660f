using System.ComponentModel.DataAnnotations;

namespace Edge.Kiosk.Hosting;

/// <summary>Section <c>KioskSignage</c>: the attract-mode playlist, its asset cache and proof of play.</summary>
internal sealed class SignageOptions
{
    public const string Section = "KioskSignage";

    /// <summary>The playlist (JSON, format in kiosk-ui/README.md). Missing file = the built-in welcome card only.</summary>
    [Required]
    public string PlaylistPath { get; set; } = "/var/lib/store-edge/kiosk-ui/playlist.json";

    /// <summary>Where assets are cached so the playlist plays offline; items whose asset is not here are skipped.</summary>
    [Required]
    public string AssetDirectory { get; set; } = "/var/lib/store-edge/kiosk-ui/assets";

    /// <summary>How often unsent proof of play is retried while the broker is away.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PublishRetry { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the playlist file is re-read (a new playlist needs no restart).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(30);
}
