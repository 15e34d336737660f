using System.Threading.Channels;
using Edge.Contracts.Presence;

namespace Edge.Agent.Members;

/// <summary>
/// A bounded queue between the bus dispatcher (which must never wait on business work) and one consumer loop. Full:
/// the OLDEST waiting event is dropped (the shopper has likely moved on) and counted by the owner. A failure of one
/// item is counted and logged by the owner, and the loop goes on.
/// </summary>
internal abstract class PresenceWorkQueue<TEvent> : BackgroundService, IPresenceConsumer
    where TEvent : PresenceEvent
{
    private readonly Channel<(TEvent Presence, MemberRecord Member)> _queue;

    protected PresenceWorkQueue(int capacity, Action dropped) =>
        _queue = Channel.CreateBounded<(TEvent, MemberRecord)>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => dropped());

    public void OnPresence(PresenceEvent presence, MemberRecord member)
    {
        if (Select(presence, member) is { } selected)
        {
            _queue.Writer.TryWrite((selected, member));
        }
    }

    /// <summary>The event to queue, or null to ignore it (count why there).</summary>
    protected abstract TEvent? Select(PresenceEvent presence, MemberRecord member);

    protected abstract Task ProcessAsync(TEvent presence, MemberRecord member, CancellationToken cancellationToken);

    protected abstract void OnFailed(MemberRecord member, Exception error);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (presence, member) in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await ProcessAsync(presence, member, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                OnFailed(member, e);
            }
        }
    }
}
