using System.Text.Json;
using System.Text.Json.Serialization;
using Edge.ReferenceCloud.Members;
using Edge.ReferenceCloud.Upstream;

namespace Edge.ReferenceCloud.Api;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ExpectClaimRequest))]
[JsonSerializable(typeof(DownSent))]
[JsonSerializable(typeof(EnrolMemberRequest))]
[JsonSerializable(typeof(MemberEnrolled))]
[JsonSerializable(typeof(IReadOnlyList<ReceivedEvent>))]
internal sealed partial class CloudApiJsonContext : JsonSerializerContext;
