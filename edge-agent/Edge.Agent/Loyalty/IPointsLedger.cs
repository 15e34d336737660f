namespace Edge.Agent.Loyalty;

/// <summary>
/// Pending points earned on this hub (receipts, check-ins, games). Idempotent by (<c>source</c>, <c>reference</c>), e.g.
/// ("check-in", "{memberId}:{day}") or ("spin", spinId); capped per member per store day; each award appends its
/// outbox event in the same transaction. Pending points stay pending on the hub: the cloud credits them and sends the
/// confirmed balance back in the member delta (MemberSummary.Points); the hub does not mark entries confirmed.
/// </summary>
internal interface IPointsLedger
{
    /// <param name="source">What earned them: 1-32 characters of A-Z a-z 0-9 . _ : - ("check-in", "game").</param>
    /// <param name="reference">Unique within the source: 1-128 characters of the same.</param>
    Task<PointsAward> AddPendingAsync(string memberId, long points, string source, string reference, CancellationToken cancellationToken);

    long PendingFor(string memberId);
}
