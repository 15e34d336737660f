using System.Text.Json.Serialization;

namespace Edge.ReferenceCloud.Phone;

[JsonSerializable(typeof(RawAdvertReport))]
internal sealed partial class PhoneJsonContext : JsonSerializerContext;
