namespace Edge.Contracts.Provisioning;

/// <summary>
/// The cloud's answer. When accepted: the hub's certificate (signed from its CSR), the CA chain to trust for the
/// cloud broker, and the store's configuration; cloud-sync switches to that identity.
/// </summary>
public sealed record ClaimResponse(
    ClaimStatus Status,
    string? Reason,
    string? CertificatePem,
    string? CaCertificatePem,
    StoreCloudConfiguration? Configuration);
