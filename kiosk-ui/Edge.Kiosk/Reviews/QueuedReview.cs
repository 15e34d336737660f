namespace Edge.Kiosk.Reviews;

/// <summary>A review posted while edge-agent was unreachable, kept on disk until it is.</summary>
internal sealed record QueuedReview(long Seq, string AgentSessionId, string ProductId, int Rating, string Text, DateTimeOffset QueuedAt);
