namespace Edge.Provisioning.Backup;

/// <summary>
/// A file in a backup under a logical root, so a backup restores onto a hub whose paths differ:
/// config/..., state/..., broker/passwd, broker/acl, zones/zones.json.
/// </summary>
internal sealed record BackupEntry(string Name, UnixFileMode Mode, byte[] Content);
