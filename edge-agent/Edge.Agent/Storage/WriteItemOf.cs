using Microsoft.Data.Sqlite;

namespace Edge.Agent.Storage;

internal sealed class WriteItemOf<T>(Func<SqliteTransaction, T> work) : WriteItem
{
    private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Task => _done.Task;

    public override void Execute(SqliteTransaction transaction) => _result = work(transaction);

    public override void Complete() => _done.TrySetResult(_result!);

    public override void Fail(Exception error) => _done.TrySetException(error);
}
