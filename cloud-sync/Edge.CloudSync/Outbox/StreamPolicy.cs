namespace Edge.CloudSync.Outbox;

/// <summary>What the outbox may do with a stream's messages when its disk quota is reached.</summary>
internal enum StreamPolicy
{
    /// <summary>Never dropped (redemptions, reviews, draws, offers issued...): over quota the hub raises an alarm instead.</summary>
    Protected,

    /// <summary>May be dropped oldest-first when the quota is reached (telemetry, proof-of-play aggregates).</summary>
    Compactable,
}
