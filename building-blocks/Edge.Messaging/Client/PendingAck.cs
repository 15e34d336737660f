namespace Edge.Messaging.Client;

/// <summary>
/// A PUBLISH/SUBSCRIBE/UNSUBSCRIBE waiting for its acknowledgement, keyed by packet id. Completed on the network
/// thread; continuations run asynchronously so user code never runs there.
/// </summary>
internal sealed class PendingAck(PendingAckKind kind, int qos, string subject)
{
    public PendingAckKind Kind { get; } = kind;

    public int Qos { get; } = qos;

    /// <summary>The topic or filter(s), for error messages.</summary>
    public string Subject { get; } = subject;

    public TaskCompletionSource<AckResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

internal enum PendingAckKind
{
    Publish,
    Subscribe,
    Unsubscribe,
}

/// <summary>Reason codes from the ack (one per filter for SUBACK) and the broker's reason string, if any.</summary>
internal readonly record struct AckResult(int[] Codes, string? ReasonString);
