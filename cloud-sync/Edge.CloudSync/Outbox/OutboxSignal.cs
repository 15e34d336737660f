using System.Threading.Channels;

namespace Edge.CloudSync.Outbox;

/// <summary>
/// "Something was appended": lets the idle drain wake at once instead of polling. A one-slot channel that drops
/// further notifications while one is pending (one wake-up covers any number of appends).
/// </summary>
internal sealed class OutboxSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Waits for a notification or <paramref name="timeout"/> (measured on <paramref name="time"/>).</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timer = time.CreateTimer(static s => ((CancellationTokenSource)s!).Cancel(), cts, timeout, Timeout.InfiniteTimeSpan);
        try
        {
            await _channel.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
