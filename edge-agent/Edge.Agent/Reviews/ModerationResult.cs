namespace Edge.Agent.Reviews;

/// <summary>Moderated text to publish, or the reason it is refused ("profanity", "payment_card", "link").</summary>
internal sealed record ModerationResult(string? Text, string? Refusal);
