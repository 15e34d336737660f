namespace Edge.Provisioning.Identity;

/// <summary>The hub's identity as configured by init: which store, which hub. Written to identity/hub.json.</summary>
internal sealed record HubInfo(string StoreId, string HubId, DateTimeOffset CreatedAt);
