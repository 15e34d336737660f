namespace Edge.Provisioning.Devices;

/// <summary>devices add --json. The password appears here and in the pairing QR, and nowhere after.</summary>
internal sealed record DeviceAddResult(string Id, DeviceKind Kind, string? ClerkId, string Username, string Password, string? PairingPayload, bool BrokerReloaded, string? ReloadNote);
