namespace Edge.CloudSync.Fleet.Diagnostics;

/// <summary>One refused downstream message in a diagnostic bundle: when, on which topic, why (no message id, no payload).</summary>
internal sealed record DeadLetterDiagnostics(DateTimeOffset ReceivedAt, string Topic, string Reason);
