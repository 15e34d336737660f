namespace Edge.FleetDashboard.Business;

/// <summary>
/// One up-stream event as the reference cloud's API returns it (GET /api/stores/{store}/events): <see cref="Event"/> is
/// the producer's <see cref="Edge.Contracts.Cloud.OutboxEvent"/> as JSON text. Only the fields the dashboard reads.
/// </summary>
internal sealed record CloudRecord(string MessageId, string Stream, long Sequence, DateTimeOffset CreatedAt, string Event);
