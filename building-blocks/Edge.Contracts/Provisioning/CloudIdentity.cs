namespace Edge.Contracts.Provisioning;

/// <summary>
/// cloud.json in the hub's configuration folder: written by <c>edge-provision claim</c>, read by cloud-sync. Everything
/// cloud-sync needs to talk to the cloud as this hub: mutual TLS with the claimed certificate and the hub's key,
/// trusting only the CA the cloud named at claim.
/// </summary>
public sealed record CloudIdentity(
    string StoreId,
    string HubId,
    string Region,
    string Server,
    string ClientCertificateFile,
    string ClientKeyFile,
    string CaFile,
    DateTimeOffset ClaimedAt);
