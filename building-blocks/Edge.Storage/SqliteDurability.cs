namespace Edge.Storage;

/// <summary>
/// How hard a commit must be on disk before it returns (SQLite PRAGMA synchronous in WAL mode).
/// Normal survives a process crash (SIGKILL) but may lose the last commits on power loss; Full survives
/// power loss too. Group commits make Full affordable for an outbox (one fsync per batch, not per row).
/// </summary>
public enum SqliteDurability
{
    Normal,
    Full,
}
