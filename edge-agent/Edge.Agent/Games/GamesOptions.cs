using System.ComponentModel.DataAnnotations;

namespace Edge.Agent.Games;

/// <summary>Section <c>EdgeAgent:Games</c>: daily check-in, prize draw and spin-to-win at the kiosk.</summary>
internal sealed class GamesOptions : IValidatableObject
{
    public const string Section = "EdgeAgent:Games";

    /// <summary>IANA time zone of the store: a "store day" (check-in, daily limits, daily budget) starts at local midnight.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Points (pending until the cloud confirms) for the first check-in of a store day.</summary>
    [Range(1, 10_000)]
    public int CheckInPoints { get; set; } = 10;

    /// <summary>Prize budget per <see cref="PrizeBudgetPeriod"/>, in the store's currency (until the cloud sends a prize-budget down message, which replaces it).</summary>
    [Range(0d, 1000000d)]
    public decimal PrizeBudget { get; set; } = 50m;

    public BudgetPeriod PrizeBudgetPeriod { get; set; } = BudgetPeriod.Day;

    /// <summary>Prizes worth more than this are won "pending": handed out only once the cloud confirms.</summary>
    [Range(0d, 1000000d)]
    public decimal PendingConfirmationAbove { get; set; } = 25m;

    [Range(1, 100)]
    public int DrawsPerMemberPerDay { get; set; } = 1;

    [Range(1, 100)]
    public int SpinsPerMemberPerDay { get; set; } = 1;

    /// <summary>The draw's prizes, checked in order against one random number. Empty: <see cref="DefaultPrizes"/>.</summary>
    public List<PrizeOption> Prizes { get; set; } = [];

    /// <summary>The wheel. Empty: <see cref="DefaultSegments"/>. Must contain a "try again" segment (no points, no prize) for when the budget is spent.</summary>
    public List<SpinSegmentOption> SpinSegments { get; set; } = [];

    public static IReadOnlyList<PrizeOption> DefaultPrizes { get; } =
    [
        new() { Name = "Free coffee", Value = 3m, Odds = 0.1 },
        new() { Name = "Tote bag", Value = 8m, Odds = 0.03 },
        new() { Name = "Gift card 50", Value = 50m, Odds = 0.002 },
    ];

    public static IReadOnlyList<SpinSegmentOption> DefaultSegments { get; } =
    [
        new() { Label = "Try again", Weight = 5 },
        new() { Label = "10 points", Points = 10, Weight = 3 },
        new() { Label = "50 points", Points = 50, Weight = 1 },
        new() { Label = "Tote bag", Prize = "Tote bag", PrizeValue = 8m, Weight = 1 },
    ];

    public IReadOnlyList<PrizeOption> EffectivePrizes => Prizes.Count > 0 ? Prizes : DefaultPrizes;

    public IReadOnlyList<SpinSegmentOption> EffectiveSegments => SpinSegments.Count > 0 ? SpinSegments : DefaultSegments;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"'{TimeZone}' is not a time zone this system knows (IANA id such as Europe/Oslo)", [nameof(TimeZone)]);
        }

        for (var i = 0; i < Prizes.Count; i++)
        {
            var p = Prizes[i];
            if (string.IsNullOrWhiteSpace(p.Name) || p.Value < 0 || p.Odds is <= 0 or > 1)
            {
                yield return new ValidationResult("needs a name, a value >= 0 and odds in (0, 1]", [$"{nameof(Prizes)}:{i}"]);
            }
        }

        if (Prizes.Sum(p => p.Odds) > 1)
        {
            yield return new ValidationResult("the prizes' odds add up to more than 1", [nameof(Prizes)]);
        }

        for (var i = 0; i < SpinSegments.Count; i++)
        {
            var s = SpinSegments[i];
            if (string.IsNullOrWhiteSpace(s.Label) || s.Points < 0 || s.PrizeValue < 0 || s.Weight < 1)
            {
                yield return new ValidationResult("needs a label, points >= 0, prizeValue >= 0 and weight >= 1", [$"{nameof(SpinSegments)}:{i}"]);
            }
        }

        if (SpinSegments.Count > 0 && !SpinSegments.Any(s => s.Points == 0 && s.Prize is null))
        {
            yield return new ValidationResult("needs a 'try again' segment (no points, no prize) for when the prize budget is spent", [nameof(SpinSegments)]);
        }
    }
}
