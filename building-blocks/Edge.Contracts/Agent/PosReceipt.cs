namespace Edge.Contracts.Agent;

/// <summary>The POS e-receipt webhook body. <see cref="TransactionId"/> is the idempotency key; no member id: nothing to stamp.</summary>
public sealed record PosReceipt(string TransactionId, string? MemberId, DateTimeOffset OccurredAt, IReadOnlyList<PosReceiptLine> Lines, decimal Total);
