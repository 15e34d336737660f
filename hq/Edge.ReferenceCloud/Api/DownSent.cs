namespace Edge.ReferenceCloud.Api;

internal sealed record DownSent(string MessageId, long Sequence);
