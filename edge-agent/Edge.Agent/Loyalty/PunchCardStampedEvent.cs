namespace Edge.Agent.Loyalty;

/// <summary>Outbox event (stream "stamps", key "stamp:{transactionId}:{cardId}"): stamps a receipt added, and rewards it completed.</summary>
internal sealed record PunchCardStampedEvent(string TransactionId, string MemberId, string CardId, int StampsAdded, int Stamps, int Completed, int RewardsEarned, DateTimeOffset OccurredAt);
