using System.Text.Json;
using System.Text.Json.Serialization;
using Edge.Contracts.Agent;
using Edge.ReferenceCloud.Bundles;
using Edge.ReferenceCloud.Members;
using Edge.ReferenceCloud.Phone;
using Edge.ReferenceCloud.Upstream;

namespace Edge.ReferenceCloud.Api;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ExpectClaimRequest))]
[JsonSerializable(typeof(DownSent))]
[JsonSerializable(typeof(EnrolMemberRequest))]
[JsonSerializable(typeof(MemberEnrolled))]
[JsonSerializable(typeof(IReadOnlyList<ReceivedEvent>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(ProductCatalogUpdate))]
[JsonSerializable(typeof(PrizeBudgetUpdate))]
[JsonSerializable(typeof(ModelBundleRequest))]
[JsonSerializable(typeof(ModelBundleSent))]
[JsonSerializable(typeof(WalkRequest))]
[JsonSerializable(typeof(WalkStarted))]
[JsonSerializable(typeof(PairKioskRequest))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, long>))]
[JsonSerializable(typeof(Fleet.BundleListing))]
internal sealed partial class CloudApiJsonContext : JsonSerializerContext;
