using System.Text.Json.Serialization;

namespace Edge.CloudSync.Outbox;

[JsonSerializable(typeof(string[]))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
