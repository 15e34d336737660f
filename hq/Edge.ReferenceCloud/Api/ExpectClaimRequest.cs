namespace Edge.ReferenceCloud.Api;

/// <summary>HQ enters the claim code store IT read off a hub (edge-provision init) for a store.</summary>
internal sealed record ExpectClaimRequest(string StoreId, string Code, int ValidForMinutes = 60);
