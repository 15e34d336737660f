using System.ComponentModel.DataAnnotations;
using Edge.Hosting.Options;

namespace Edge.Agent.Alerts;

/// <summary>Section <c>EdgeAgent:Alerts</c>: when a clerk is asked to come over, who is asked, and how long the store remembers it.</summary>
internal sealed class AlertsOptions : IValidatableObject
{
    public const string Section = "EdgeAgent:Alerts";

    /// <summary>Start with alerts silenced (a runtime switch, PUT /api/v1/alerts/quiet, changes it until the next restart).</summary>
    public bool QuietMode { get; set; }

    /// <summary>Member tiers that count as high value for the rules (case-insensitive).</summary>
    public List<string> HighValueTiers { get; set; } = ["gold", "platinum"];

    /// <summary>Categories where shoppers usually want advice before buying (case-insensitive).</summary>
    public List<string> HighConsiderationCategories { get; set; } = ["electronics", "appliances"];

    /// <summary>Per store zone: the category it sells and the zones whose clerks may help when its own are away.</summary>
    public Dictionary<string, AlertZoneOptions> Zones { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When neither the zone's nor a neighbouring zone's clerk is free, ask any free on-shift clerk.</summary>
    public bool AnyZoneFallback { get; set; } = true;

    /// <summary>Unclaimed this long: the alert moves to the next clerk (or expires when nobody else is free).</summary>
    [TimeSpanRange("00:00:05", "00:10:00")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Hand-offs to another clerk before an unclaimed alert expires.</summary>
    [Range(0, 10)]
    public int MaxEscalations { get; set; } = 2;

    /// <summary>No new alert about a member within this time of the last one.</summary>
    [TimeSpanRange("00:00:00", "1.00:00:00")]
    public TimeSpan MemberCooldown { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>Alerts a clerk is sent in any sliding hour; a clerk at the cap is skipped.</summary>
    [Range(1, 1000)]
    public int MaxAlertsPerClerkPerHour { get; set; } = 6;

    /// <summary>A product the member looked up at a kiosk within this time counts as researched.</summary>
    [TimeSpanRange("00:01:00", "1.00:00:00")]
    public TimeSpan ResearchWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Closed alerts (no member id, only a keyed hash) are erased after this.</summary>
    [TimeSpanRange("02:00:00", "30.00:00:00")]
    public TimeSpan LogRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Dwell events waiting for an alert decision. Full: the oldest is dropped, counted.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 256;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MemberCooldown >= LogRetention)
        {
            yield return new ValidationResult($"MemberCooldown ({MemberCooldown}) must be shorter than LogRetention ({LogRetention}): the cooldown reads the alert log", [nameof(MemberCooldown)]);
        }

        foreach (var (zone, options) in Zones)
        {
            foreach (var neighbour in options.Neighbours)
            {
                if (string.IsNullOrWhiteSpace(neighbour) || string.Equals(neighbour, zone, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new ValidationResult($"Zones:{zone}:Neighbours lists '{neighbour}': a neighbour must be another, named zone", [nameof(Zones)]);
                }
            }
        }
    }
}
