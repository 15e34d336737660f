namespace Edge.Contracts.Agent;

/// <summary>
/// Streams edge-agent sends to the cloud through cloud-sync: each event is a <see cref="Cloud.OutboxEvent"/> published
/// at QoS 1 on <see cref="LocalTopics.OutboxFor"/>(stream).
/// </summary>
public static class OutboxStreams
{
    public const string OffersIssued = "offers-issued";
    public const string Redemptions = "redemptions";
    public const string Stamps = "stamps";
    public const string Points = "points";
    public const string Reviews = "reviews";
    public const string Draws = "draws";
    public const string AlertOutcomes = "alert-outcomes";
    public const string ProofOfPlay = "proof-of-play";

    /// <summary>A holdout member bought what they would have been offered (<see cref="HoldoutConversionEvent"/>): the baseline for uplift.</summary>
    public const string HoldoutConversions = "holdout-conversions";

    /// <summary>A member logged in at a kiosk (<see cref="KioskSessionEvent"/>; no member id): HQ's kiosk-session count.</summary>
    public const string KioskSessions = "kiosk-sessions";

    /// <summary>A member saved a coupon to their app at a kiosk (<see cref="CouponSavedEvent"/>): the cloud pushes it to the phone.</summary>
    public const string CouponSaves = "coupon-saves";
}
