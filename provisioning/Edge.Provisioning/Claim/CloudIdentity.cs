namespace Edge.Provisioning.Claim;

/// <summary>
/// config/cloud.json, written by claim: everything cloud-sync needs to talk to the cloud as this hub
/// (mutual TLS with the claimed certificate and the hub's key).
/// </summary>
internal sealed record CloudIdentity(
    string StoreId,
    string HubId,
    string Region,
    string Server,
    string ClientCertificateFile,
    string ClientKeyFile,
    string CaFile,
    DateTimeOffset ClaimedAt);
