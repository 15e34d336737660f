using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Edge.FleetDashboard.Hosting;

/// <summary>Section <c>FleetDashboard</c>.</summary>
internal sealed class FleetDashboardOptions : Edge.Messaging.Hosting.BrokerConnectionOptions, IValidatableObject
{
    public const string Section = "FleetDashboard";

    /// <summary>Where the pages are served. Loopback only: the dashboard has no login of its own (put it behind HQ's proxy).</summary>
    [Required]
    public string Url { get; set; } = "http://127.0.0.1:5310";

    /// <summary>The Sparkplug group (the chain's region) whose edge nodes this host watches: spBv1.0/{Group}/#.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", ErrorMessage = "must be 1-64 letters, digits, '.', '_' or '-' (it is a topic level)")]
    public string Group { get; set; } = "dev";

    /// <summary>This primary host's id: its STATE goes to spBv1.0/STATE/{HostId}.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", ErrorMessage = "must be 1-64 letters, digits, '.', '_' or '-' (it is a topic level)")]
    public string HostId { get; set; } = "fleet-dashboard";

    /// <summary>The reference cloud's HTTP API (up-stream records for the business panel). Empty: the panel says so.</summary>
    public string? CloudUrl { get; set; }

    /// <summary>Points kept per metric and store for the charts (in memory; the oldest go first).</summary>
    [Range(10, 100_000)]
    public int HistoryPoints { get; set; } = 720;

    /// <summary>Least time between two rebirth requests to the same node (a burst of out-of-order messages asks once).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RebirthRetry { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A hub certificate with fewer days left than this raises a warning alarm.</summary>
    [Range(1, 365)]
    public int CertificateWarningDays { get; set; } = 30;

    /// <summary>... and with fewer than this, a critical one.</summary>
    [Range(0, 365)]
    public int CertificateCriticalDays { get; set; } = 7;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp
            || !(url.IsLoopback && (url.Host == "localhost" || IPAddress.TryParse(url.Host.Trim('[', ']'), out _))))
        {
            yield return new ValidationResult($"'{Url}' is not an http:// loopback address: the dashboard has no login, so it binds to 127.0.0.1 or [::1] only", [nameof(Url)]);
        }

        if (!string.IsNullOrEmpty(CloudUrl) && !Uri.TryCreate(CloudUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"'{CloudUrl}' is not an absolute URL", [nameof(CloudUrl)]);
        }

        if (Group == "STATE")
        {
            yield return new ValidationResult("'STATE' is reserved by Sparkplug B 3.0 for host application state", [nameof(Group)]);
        }

        if (CertificateCriticalDays >= CertificateWarningDays)
        {
            yield return new ValidationResult($"must be below CertificateWarningDays ({CertificateWarningDays})", [nameof(CertificateCriticalDays)]);
        }
    }
}
