using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Storage;

/// <summary>
/// The ONE writer of the agent's database. Writes queue in a bounded channel; when it is full the caller waits
/// (back-pressure: a redemption or a member delta is never dropped). Queued writes are committed in batches: one
/// transaction (one fsync with synchronous=FULL) per batch, each write in its own savepoint so a failing write is
/// rolled back alone and its caller gets the exception. Callers' tasks complete only after the commit. On
/// shutdown the queue is closed and everything already accepted is written before the service stops.
/// </summary>
internal sealed class AgentWriter : IHostedService, IDisposable
{
    private readonly AgentDatabase _database;
    private readonly ILogger<AgentWriter> _logger;
    private readonly int _maxBatch;
    private readonly Channel<WriteItem> _queue;
    private readonly Lock _loopLock = new();
    private Task? _loop;

    public AgentWriter(AgentDatabase database, IOptions<StorageOptions> options, ILogger<AgentWriter> logger)
    {
        _database = database;
        _logger = logger;
        _maxBatch = options.Value.MaxBatch;
        _queue = Channel.CreateBounded<WriteItem>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    public long Batches { get; private set; }

    public async Task<T> WriteAsync<T>(Func<SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        var item = new WriteItemOf<T>(work);
        try
        {
            await _queue.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("The agent's database writer has stopped; the write was not accepted.");
        }

        return await item.Task.ConfigureAwait(false);
    }

    public Task WriteAsync(Action<SqliteTransaction> work, CancellationToken cancellationToken) =>
        WriteAsync<bool>(tx =>
        {
            work(tx);
            return true;
        }, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        EnsureLoop();
        return Task.CompletedTask;
    }

    /// <summary>Closes the queue and waits until every accepted write is committed, even if the loop never ran before.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        return EnsureLoop();
    }

    public void Dispose() => _queue.Writer.TryComplete();

    private Task EnsureLoop()
    {
        lock (_loopLock)
        {
            return _loop ??= Task.Run(RunAsync, CancellationToken.None);
        }
    }

    private async Task RunAsync()
    {
        StorageLog.Opened(_logger, _database.Path, Edge.Storage.SqliteDatabase.SchemaVersion(_database.WriteConnection));
        var batch = new List<WriteItem>(_maxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatch && reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            WriteBatch(batch);
        }
    }

    private void WriteBatch(List<WriteItem> batch)
    {
        var ok = new List<WriteItem>(batch.Count);
        try
        {
            using var transaction = _database.WriteConnection.BeginTransaction();
            for (var i = 0; i < batch.Count; i++)
            {
                var item = batch[i];
                transaction.Save("w");
                try
                {
                    item.Execute(transaction);
                    transaction.Release("w");
                    ok.Add(item);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    transaction.Rollback("w");
                    transaction.Release("w");
                    StorageLog.WriteFailed(_logger, e);
                    item.Fail(e);
                }
            }

            transaction.Commit();
            Batches++;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            StorageLog.CommitFailed(_logger, batch.Count, e);
            foreach (var item in batch)
            {
                item.Fail(e);
            }

            return;
        }

        foreach (var item in ok)
        {
            item.Complete();
        }
    }
}
