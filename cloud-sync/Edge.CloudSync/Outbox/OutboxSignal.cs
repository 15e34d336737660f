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
        // A CancellationTokenSource that owns its timer: a hand-made timer calling Cancel could still fire after the
        // source was disposed (ObjectDisposedException on a pool thread, which killed cloud-sync when a fast store clock
        // made the timeout a few milliseconds).
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await _channel.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
