namespace Edge.Contracts.Agent;

/// <summary>Local-bus topics edge-agent publishes or reads (QoS 1). Payloads use <see cref="AgentBusJsonContext"/>.</summary>
public static class AgentTopics
{
    /// <summary>
    /// Retained <see cref="MemberKeysUpdate"/> for beacon-gateway: the EMK1 key file was rewritten, and which members
    /// were revoked (drop them from the ID table now, before reloading the file).
    /// </summary>
    public const string MemberKeys = LocalTopics.Root + "/members/keys";

    /// <summary>store/offers/{zone}: <see cref="OfferIssued"/> for kiosks and screens in the zone.</summary>
    public const string Offers = LocalTopics.Root + "/offers";

    /// <summary>store/staff/alerts/{clerkId}: <see cref="StaffAlert"/> to one clerk's wearable. Never leaves the store.</summary>
    public const string StaffAlerts = LocalTopics.StaffAlerts;

    /// <summary>store/staff/alerts/{clerkId}/closed: <see cref="StaffAlertClosed"/>, so other wearables clear the alert.</summary>
    public const string StaffAlertClosedSuffix = "/closed";

    public static string OffersFor(string zone) => Offers + "/" + zone;

    public static string StaffAlertFor(string clerkId) => StaffAlerts + "/" + clerkId;

    public static string StaffAlertClosedFor(string clerkId) => StaffAlerts + "/" + clerkId + StaffAlertClosedSuffix;
}
