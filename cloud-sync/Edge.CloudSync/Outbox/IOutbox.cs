namespace Edge.CloudSync.Outbox;

/// <summary>Appends to the durable outbox. Completes once the message is committed to disk (group commit).</summary>
internal interface IOutbox
{
    ValueTask<AppendResult> AppendAsync(OutboxAppend message, CancellationToken cancellationToken);
}
