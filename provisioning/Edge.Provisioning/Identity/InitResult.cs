namespace Edge.Provisioning.Identity;

/// <summary>init's --json document.</summary>
internal sealed record InitResult(
    string StoreId,
    string HubId,
    string KeyLocation,
    bool KeyCreated,
    string? KeyOwnershipNote,
    string CsrFile,
    string ClaimCode,
    DateTimeOffset ClaimExpiresAt,
    string QrPayload);
