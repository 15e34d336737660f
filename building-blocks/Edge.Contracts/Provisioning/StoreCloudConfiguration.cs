namespace Edge.Contracts.Provisioning;

/// <summary>Where the claimed hub talks to the cloud from now on (mutual TLS with its new certificate).</summary>
public sealed record StoreCloudConfiguration(string StoreId, string Region, string Server);
