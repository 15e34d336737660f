namespace Edge.CloudSync.Outbox;

/// <summary>Backlog of one stream, for the fleet plane (Sparkplug metrics) and health.</summary>
internal sealed record StreamBacklog(string Stream, long Depth, DateTimeOffset? OldestCreatedAt, long AckedSequence, long NextSequence, long Dropped);

/// <summary>Outbox state at a moment.</summary>
internal sealed record OutboxStats(IReadOnlyList<StreamBacklog> Streams, long Bytes, long QuotaBytes, bool OverQuotaWithProtectedOnly);
