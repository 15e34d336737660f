namespace Edge.CloudSync.Outbox;

internal readonly record struct AppendResult(AppendOutcome Outcome, long Sequence);
