using System.ComponentModel.DataAnnotations;

namespace Edge.Kiosk.Hosting;

/// <summary>Section <c>Kiosk</c>: where the kiosk UI listens and which edge-agent it talks to.</summary>
internal sealed class KioskOptions
{
    public const string Section = "Kiosk";

    /// <summary>The public kiosk pages; Chromium on the same hub opens this URL in kiosk mode.</summary>
    [Required]
    [Url]
    public string Url { get; set; } = "http://127.0.0.1:5090";

    /// <summary>edge-agent's local API.</summary>
    [Required]
    [Url]
    public string AgentUrl { get; set; } = "http://127.0.0.1:5080";
}
