namespace Edge.Store.Tests.Harness;

/// <summary>One record of the reference cloud's GET /api/stores/{store}/events (its ReceivedEvent is internal to it).</summary>
internal sealed record CloudEvent(string MessageId, string Stream, long Sequence, string Event);
