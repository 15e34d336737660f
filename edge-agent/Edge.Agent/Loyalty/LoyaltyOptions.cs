using System.ComponentModel.DataAnnotations;
using Edge.Hosting.Options;
using Edge.Agent.Alerts;

namespace Edge.Agent.Loyalty;

/// <summary>Section <c>EdgeAgent:Loyalty</c>: punch cards, pending points and what a POS receipt may look like.</summary>
internal sealed class LoyaltyOptions : IValidatableObject
{
    public const string Section = "EdgeAgent:Loyalty";

    /// <summary>Pending points per currency unit of a receipt's total (rounded down).</summary>
    [Range(0d, 1000d)]
    public decimal PointsPerCurrencyUnit { get; set; } = 1m;

    /// <summary>Pending points one member can earn on this hub in a store day, from every source together (the offline cap).</summary>
    [Range(1, 10_000_000)]
    public long MaxPendingPointsPerMemberPerDay { get; set; } = 5000;

    /// <summary>A receipt older than this is refused (a POS replaying an outage is younger); one in the future beyond 5 min too.</summary>
    [TimeSpanRange("01:00:00", "90.00:00:00")]
    public TimeSpan MaxReceiptAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Lines a receipt may have.</summary>
    [Range(1, 10_000)]
    public int MaxLines { get; set; } = 500;

    public List<PunchCardDefinition> PunchCards { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < PunchCards.Count; i++)
        {
            var card = PunchCards[i];
            var key = $"PunchCards:{i}";
            if (!ApiInput.IsId(card.CardId) || !seen.Add(card.CardId))
            {
                yield return new ValidationResult($"{key}:CardId '{card.CardId}' must be a unique id of 1-64 characters of A-Z a-z 0-9 . _ : -", [nameof(PunchCards)]);
            }

            if (string.IsNullOrWhiteSpace(card.Name) || string.IsNullOrWhiteSpace(card.Reward))
            {
                yield return new ValidationResult($"{key}: Name and Reward are required (the kiosk shows them)", [nameof(PunchCards)]);
            }

            if (card.StampsRequired is < 2 or > 100)
            {
                yield return new ValidationResult($"{key}:StampsRequired {card.StampsRequired} is not within 2-100", [nameof(PunchCards)]);
            }

            if (card.MaxStampsPerDay < 1)
            {
                yield return new ValidationResult($"{key}:MaxStampsPerDay {card.MaxStampsPerDay} must be at least 1", [nameof(PunchCards)]);
            }

            if (card.Categories.Count == 0 && card.ProductIds.Count == 0)
            {
                yield return new ValidationResult($"{key}: a card needs Categories or ProductIds, or nothing ever stamps it", [nameof(PunchCards)]);
            }
        }
    }
}
