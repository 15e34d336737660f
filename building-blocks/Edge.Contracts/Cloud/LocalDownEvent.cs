using System.Text.Json;

namespace Edge.Contracts.Cloud;

/// <summary>
/// A downstream message cloud-sync has accepted (valid, for this store, signed where required, in order) and
/// forwards once to edge-agent on <c>store/down/{kind}</c> (QoS 1). <see cref="Sequence"/> is per kind and
/// increases by one; <see cref="MessageId"/> lets edge-agent de-duplicate a re-delivery after its own restart.
/// For <see cref="DownKinds.ModelBundle"/> the body is a <see cref="ModelBundleReady"/>.
/// </summary>
public sealed record LocalDownEvent(string MessageId, string Kind, long Sequence, DateTimeOffset IssuedAt, JsonElement Body);
