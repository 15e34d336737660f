namespace Edge.CloudSync.Fleet.Diagnostics;

/// <summary>One outbox stream in a diagnostic bundle: backlog, oldest unsent, last acknowledged and next sequence, drops, quota policy.</summary>
internal sealed record StreamDiagnostics(string Stream, long Depth, DateTimeOffset? OldestUnsentAt, long AckedSequence, long NextSequence, long Dropped, string Policy);
