namespace Edge.Provisioning.Devices;

/// <summary>
/// One device in the registry. The broker username is the id. Only the mosquitto hash of the password is
/// kept (the password is shown once, at add), which is enough to regenerate the broker's password file.
/// </summary>
internal sealed record DeviceRecord(string Id, DeviceKind Kind, string? ClerkId, string PasswordHash, DateTimeOffset AddedAt);
