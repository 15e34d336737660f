using Edge.Contracts.Agent;

namespace Edge.Agent.Loyalty;

/// <summary>A booked (or replayed) receipt, or why not: <see cref="Status"/> is the HTTP status for <see cref="Error"/>.</summary>
internal sealed record ReceiptOutcome(PosReceiptResult? Result, int Status, ApiError? Error);
