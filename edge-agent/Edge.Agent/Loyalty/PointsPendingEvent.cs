namespace Edge.Agent.Loyalty;

/// <summary>Outbox event (stream "points", key "points:{source}:{reference}"): pending points earned on this hub; the cloud confirms them.</summary>
internal sealed record PointsPendingEvent(string MemberId, long Points, string Source, string Reference, DateTimeOffset OccurredAt);
