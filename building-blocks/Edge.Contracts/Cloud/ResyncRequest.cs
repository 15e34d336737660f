namespace Edge.Contracts.Cloud;

/// <summary>
/// The body of a <see cref="HubStreams.ResyncRequestedType"/> event: the hub asks the cloud to send again every down
/// message of each kind after <see cref="Marks"/>[kind] (the last sequence its inbox accepted; a kind not listed
/// counts as 0), with the original message ids, sequences and signatures, in sequence order. The inbox drops what it
/// already has by message id and takes the rest in order, so a resync can apply nothing twice.
/// <see cref="StoreId"/> must be the store of the topic the request came on.
/// </summary>
public sealed record ResyncRequest(string RequestId, string StoreId, DateTimeOffset RequestedAt, IReadOnlyDictionary<string, long> Marks);
