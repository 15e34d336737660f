namespace Edge.CloudSync.Connection;

/// <summary>cloud.json as <c>edge-provision claim</c> writes it (provisioning's CloudIdentity, camelCase).</summary>
internal sealed record CloudIdentity(
    string StoreId,
    string HubId,
    string Region,
    string Server,
    string ClientCertificateFile,
    string ClientKeyFile,
    string CaFile,
    DateTimeOffset ClaimedAt);
