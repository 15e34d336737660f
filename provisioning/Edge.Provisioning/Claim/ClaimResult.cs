namespace Edge.Provisioning.Claim;

/// <summary>claim --json.</summary>
internal sealed record ClaimResult(string StoreId, string HubId, bool AlreadyClaimed, string CertificateFile, DateTimeOffset NotAfter, string? Server, bool CloudSyncRestarted);
