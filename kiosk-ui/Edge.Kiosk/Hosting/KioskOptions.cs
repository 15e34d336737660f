using System.ComponentModel.DataAnnotations;

namespace Edge.Kiosk.Hosting;

/// <summary>Section <c>Kiosk</c>: where the kiosk UI listens, which edge-agent it talks to, who and where this kiosk is.</summary>
internal sealed class KioskOptions
{
    public const string Section = "Kiosk";

    /// <summary>The public kiosk pages; Chromium on the same hub opens this URL in kiosk mode.</summary>
    [Required]
    [Url]
    public string Url { get; set; } = "http://127.0.0.1:5090";

    /// <summary>Staff pages (status, reload) on a separate binding that the kiosk browser never opens; they also need <see cref="StaffPin"/>.</summary>
    [Url]
    public string? AdminUrl { get; set; } = "http://127.0.0.1:5091";

    /// <summary>Staff PIN for the admin pages (4-8 digits); empty = admin pages refuse every login.</summary>
    [RegularExpression("^[0-9]{4,8}$", ErrorMessage = "must be 4 to 8 digits")]
    public string? StaffPin { get; set; }

    /// <summary>edge-agent's local API.</summary>
    [Required]
    [Url]
    public string AgentUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>This kiosk's bearer token for edge-agent's API (edge-agent's configuration holds the same token).</summary>
    public string? AgentToken { get; set; }

    /// <summary>Per-call timeout of edge-agent requests; after it the page says the service is unavailable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan AgentTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>This kiosk's device id (as provisioned); sent with logins.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,63}$", ErrorMessage = "must be 1-64 of a-z, 0-9 and '-'")]
    public string KioskId { get; set; } = "kiosk-1";

    /// <summary>The store zone this kiosk stands in; greetings come from offers and presence in this zone only.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$", ErrorMessage = "must be 1-64 of A-Z, a-z, 0-9, '_' and '-'")]
    public string Zone { get; set; } = "entrance";

    /// <summary>SQLite file holding proof of play and reviews until the local bus or edge-agent has taken them.</summary>
    [Required]
    public string DatabasePath { get; set; } = "/var/lib/store-edge/kiosk-ui/kiosk.db";

    /// <summary>Language shown until a shopper switches: en, nb, pl or de.</summary>
    [RegularExpression("^(en|nb|pl|de)$", ErrorMessage = "must be one of en, nb, pl, de")]
    public string DefaultLanguage { get; set; } = "en";
}
