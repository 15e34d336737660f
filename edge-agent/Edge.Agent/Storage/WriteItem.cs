using Microsoft.Data.Sqlite;

namespace Edge.Agent.Storage;

/// <summary>One queued write: runs inside the writer's batch transaction, in its own savepoint.</summary>
internal abstract class WriteItem
{
    public abstract void Execute(SqliteTransaction transaction);

    /// <summary>Called after the batch committed.</summary>
    public abstract void Complete();

    public abstract void Fail(Exception error);
}
