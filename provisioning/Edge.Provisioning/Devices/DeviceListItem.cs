namespace Edge.Provisioning.Devices;

/// <summary>devices list --json: one device, without its hash.</summary>
internal sealed record DeviceListItem(string Id, DeviceKind Kind, string? ClerkId, DateTimeOffset AddedAt, IReadOnlyList<string> Acl);
