namespace Edge.Contracts.Agent;

/// <summary><see cref="Duplicate"/>: this transaction was processed before; the figures are those of the first time.</summary>
public sealed record PosReceiptResult(string TransactionId, bool Duplicate, int StampsAdded, long PendingPointsAdded);
