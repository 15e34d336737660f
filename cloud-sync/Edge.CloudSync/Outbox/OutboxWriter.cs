using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.CloudSync.Outbox;

/// <summary>
/// The outbox's single writer. Appends and acknowledgements queue in one bounded channel (full: callers wait,
/// which slows the local-bus reader instead of losing events) and are committed in groups, one transaction and
/// one fsync per group, so durability costs per batch, not per message. On shutdown the queue is drained before
/// the store closes: an append that was accepted is never lost.
/// </summary>
internal sealed class OutboxWriter : BackgroundService, IOutbox
{
    private readonly OutboxStore _store;
    private readonly int _maxGroup;
    private readonly ILogger<OutboxWriter> _logger;
    private readonly Channel<WriteCommand> _queue;
    private readonly List<WriteCommand> _group;
    private readonly OutboxSignal? _signal;

    public OutboxWriter(OutboxStore store, int capacity, int maxGroup, ILogger<OutboxWriter> logger, OutboxSignal? signal = null)
    {
        _store = store;
        _signal = signal;
        _maxGroup = maxGroup;
        _logger = logger;
        _group = new List<WriteCommand>(maxGroup);
        _queue = Channel.CreateBounded<WriteCommand>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    public long Appended { get; private set; }

    public long Duplicates { get; private set; }

    public long DroppedByQuota { get; private set; }

    public async ValueTask<AppendResult> AppendAsync(OutboxAppend message, CancellationToken cancellationToken)
    {
        var command = new WriteCommand(message, null);
        await _queue.Writer.WriteAsync(command, cancellationToken).ConfigureAwait(false);
        return await command.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues an append and returns once it is queued (in call order, waiting while the queue is full); the returned
    /// task completes when it is committed. Lets the local-bus reader keep many appends in one group commit while
    /// still handing them over in arrival order.
    /// </summary>
    public async ValueTask<Task<AppendResult>> EnqueueAsync(OutboxAppend message, CancellationToken cancellationToken)
    {
        var command = new WriteCommand(message, null);
        await _queue.Writer.WriteAsync(command, cancellationToken).ConfigureAwait(false);
        return command.Completion.Task;
    }

    /// <summary>Removes acknowledged entries; completes when committed.</summary>
    public async ValueTask AcknowledgeAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var command = new WriteCommand(null, entries);
        await _queue.Writer.WriteAsync(command, cancellationToken).ConfigureAwait(false);
        await command.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a maintenance write (expiry, trimming sent ids) on the writer's thread, between groups.</summary>
    public async ValueTask<T> RunAsync<T>(Func<OutboxStore, T> work, CancellationToken cancellationToken)
    {
        T result = default!;
        var command = new WriteCommand(null, null, store => result = work(store));
        await _queue.Writer.WriteAsync(command, cancellationToken).ConfigureAwait(false);
        await command.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // The host may be stopped before it ever scheduled ExecuteAsync (the task is cancelled unstarted), so the
        // drain cannot live only there. Once the loop has finished this is the only reader left.
        if (ExecuteTask is null || ExecuteTask.IsCompleted)
        {
            _queue.Writer.TryComplete();
            Drain(_group);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                Drain(_group);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Shutdown: refuse new work, commit what was accepted.
        _queue.Writer.TryComplete();
        Drain(_group);
    }

    private void Drain(List<WriteCommand> appends)
    {
        while (_queue.Reader.TryRead(out var command))
        {
            if (command.Ack is { } acks)
            {
                Commit(appends);
                Run(command, () => _store.Acknowledge(acks));
                continue;
            }

            if (command.Work is { } work)
            {
                Commit(appends);
                Run(command, () => work(_store));
                continue;
            }

            appends.Add(command);
            if (appends.Count >= _maxGroup)
            {
                Commit(appends);
            }
        }

        Commit(appends);
    }

    private void Commit(List<WriteCommand> appends)
    {
        if (appends.Count == 0)
        {
            return;
        }

        try
        {
            var results = _store.Append(appends.ConvertAll(c => c.Append!));
            for (var i = 0; i < results.Length; i++)
            {
                switch (results[i].Outcome)
                {
                    case AppendOutcome.Appended: Appended++; break;
                    case AppendOutcome.Duplicate: Duplicates++; break;
                    case AppendOutcome.DroppedByQuota: DroppedByQuota++; break;
                }

                appends[i].Completion.TrySetResult(results[i]);
            }

            _signal?.Notify();
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            CloudSyncLog.OutboxWriteFailed(_logger, appends.Count, ex);
            foreach (var c in appends)
            {
                c.Completion.TrySetException(ex);
            }
        }

        appends.Clear();
    }

    private void Run(WriteCommand command, Action action)
    {
        try
        {
            action();
            command.Completion.TrySetResult(default);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
        {
            CloudSyncLog.OutboxWriteFailed(_logger, 1, ex);
            command.Completion.TrySetException(ex);
        }
    }

    private sealed class WriteCommand(OutboxAppend? append, IReadOnlyList<OutboxEntry>? ack, Action<OutboxStore>? work = null)
    {
        public OutboxAppend? Append { get; } = append;

        public IReadOnlyList<OutboxEntry>? Ack { get; } = ack;

        public Action<OutboxStore>? Work { get; } = work;

        public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
