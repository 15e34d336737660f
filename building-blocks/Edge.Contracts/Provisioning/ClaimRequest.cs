namespace Edge.Contracts.Provisioning;

/// <summary>A hub asks to be bound to its store: the one-time claim code and a CSR for its own key.</summary>
public sealed record ClaimRequest(string StoreId, string HubId, string ClaimCode, string CsrPem, string SoftwareVersion);
