using System.ComponentModel.DataAnnotations;

namespace Edge.Agent.Reviews;

/// <summary>Section <c>EdgeAgent:Reviews</c>: moderation of reviews posted at kiosks.</summary>
internal sealed class ReviewsOptions : IValidatableObject
{
    public const string Section = "EdgeAgent:Reviews";

    /// <summary>Words that get a review refused ("profanity"), matched as whole words, case-insensitive, common digit-for-letter swaps undone. Empty: <see cref="DefaultBlockedWords"/>.</summary>
    public List<string> BlockedWords { get; set; } = [];

    /// <summary>Shortest review text (after trimming).</summary>
    [Range(1, 500)]
    public int MinLength { get; set; } = 3;

    /// <summary>Longest review text; the contract allows at most 2000.</summary>
    [Range(10, 2000)]
    public int MaxLength { get; set; } = 2000;

    public static IReadOnlyList<string> DefaultBlockedWords { get; } =
    [
        "fuck", "fucking", "shit", "bitch", "cunt", "asshole", "bastard", "dick", "wanker", "slut",
        "faen", "helvete", "jævla", "kuk", "fitte",
        "kurwa", "chuj", "pierdole", "jebac",
        "scheisse", "scheiße", "arschloch", "fotze", "wichser",
    ];

    public IReadOnlyList<string> EffectiveBlockedWords => BlockedWords.Count > 0 ? BlockedWords : DefaultBlockedWords;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinLength > MaxLength)
        {
            yield return new ValidationResult($"is more than MaxLength {MaxLength}", [nameof(MinLength)]);
        }

        for (var i = 0; i < BlockedWords.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(BlockedWords[i]) || BlockedWords[i].Any(char.IsWhiteSpace))
            {
                yield return new ValidationResult("must be one word", [$"{nameof(BlockedWords)}:{i}"]);
            }
        }
    }
}
