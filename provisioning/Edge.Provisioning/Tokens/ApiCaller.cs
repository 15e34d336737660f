namespace Edge.Provisioning.Tokens;

/// <summary>
/// One caller of edge-agent's local API and where its bearer token lives: edge-agent's key (EdgeAgent:Api:*Token) and,
/// for a caller that is a service on this hub, that service and the key it presents the token from. Each caller has its own token, so a leaked
/// kiosk token cannot redeem at the POS.
/// </summary>
internal sealed record ApiCaller(string Name, string AgentKey, string? ConsumerService, string? ConsumerKey, string Purpose)
{
    public static readonly IReadOnlyList<ApiCaller> All =
    [
        new("kiosk", "KioskToken", "kiosk-ui", "Kiosk:AgentToken", "kiosk-ui (login, offers, games, reviews)"),
        new("pos", "PosToken", null, null, "the POS (receipts, redemptions): enter it in the POS"),
        new("wearable", "WearableToken", null, null, "clerks' wearables (alert claims): given with their pairing"),
        new("provisioning", "ProvisioningToken", null, null, "edge-provision itself (status counters, model promotion)"),
    ];

    /// <summary>The key in edge-agent.json, in configuration's colon form.</summary>
    public string AgentConfigKey => "EdgeAgent:Api:" + AgentKey;

    public static ApiCaller? Find(string name) => All.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
