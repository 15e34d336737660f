namespace Edge.CloudSync.Outbox;

internal enum AppendOutcome
{
    /// <summary>Stored with a new sequence number.</summary>
    Appended,

    /// <summary>A message with the same id is already in the outbox (or was sent): nothing stored.</summary>
    Duplicate,

    /// <summary>The quota is full of protected messages and this one may be dropped (telemetry, proof of play).</summary>
    DroppedByQuota,
}
