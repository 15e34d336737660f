namespace Edge.ReferenceCloud.Downstream;

/// <summary>A down message as it was sent: the exact payload and MQTT 5 user properties (envelope, signature, chunk properties).</summary>
internal sealed record SentDownMessage(string Kind, long Sequence, string MessageId, string ContentType, IReadOnlyList<string[]> Properties, byte[] Payload);
