namespace Edge.Contracts.Agent;

/// <summary>
/// Routes of edge-agent's local HTTP API (loopback only, JSON through <see cref="AgentApiJsonContext"/>). Every route
/// except <see cref="Status"/> and <see cref="OpenApi"/> needs <c>Authorization: Bearer &lt;token&gt;</c>; each caller
/// (kiosk, pos, wearable, provisioning) has its own token in edge-agent's configuration, and a route refuses callers
/// it is not meant for (403). Errors are <see cref="ApiError"/> with 400 (bad input), 401, 403, 404 or 409.
/// </summary>
public static class AgentRoutes
{
    public const string Prefix = "/api/v1";
    public const string Status = Prefix + "/status";
    public const string OpenApi = "/openapi/v1.json";

    // provisioning: store IT.
    /// <summary>
    /// POST, no body: the shadow offer model (EdgeAgent:Offers:ShadowMode) starts serving; answers
    /// <see cref="ShadowModelPromoted"/>, or 409 ApiError "no_shadow_model".
    /// </summary>
    public const string PromoteShadowModel = Prefix + "/models/shadow/promote";

    // kiosk: member login; each returns LoginResponse (401 ApiError "login_failed" for any wrong id/PIN/token).
    /// <summary>POST <see cref="ProximityLoginRequest"/>: the member the kiosk's zone sensed, confirmed with the PIN.</summary>
    public const string LoginProximity = Prefix + "/login/proximity";
    /// <summary>POST <see cref="PhoneLoginRequest"/>.</summary>
    public const string LoginPhone = Prefix + "/login/phone";
    /// <summary>POST <see cref="QrLoginRequest"/>: the token the member's app shows as a QR code.</summary>
    public const string LoginQr = Prefix + "/login/qr";

    // kiosk: session-scoped; {sessionId} from LoginResponse. Sessions expire (LoginResponse.ExpiresAt).
    /// <summary>GET: <see cref="MemberSummary"/>. DELETE: log out (204).</summary>
    public const string Session = Prefix + "/sessions/{sessionId}";
    /// <summary>GET: <see cref="MemberOffersResponse"/>, the member's current coupons (decided at login if none yet).</summary>
    public const string SessionOffers = Prefix + "/sessions/{sessionId}/offers";
    /// <summary>POST (no body): save the coupon to the member's app; returns the updated <see cref="OfferView"/>.</summary>
    public const string SaveOffer = Prefix + "/sessions/{sessionId}/offers/{couponId}/save";
    /// <summary>POST (no body): <see cref="CheckInResponse"/>, once per member per store day.</summary>
    public const string CheckIn = Prefix + "/sessions/{sessionId}/games/check-in";
    /// <summary>POST (no body): <see cref="PrizeDrawResponse"/>, drawn server-side against the store's prize budget.</summary>
    public const string PrizeDraw = Prefix + "/sessions/{sessionId}/games/draw";
    /// <summary>POST (no body): <see cref="SpinResponse"/>; the outcome is decided before the kiosk animates the wheel.</summary>
    public const string Spin = Prefix + "/sessions/{sessionId}/games/spin";
    /// <summary>POST (no body): <see cref="ShareVisitResponse"/>, "share your visit" points once per member per store day.</summary>
    public const string ShareVisit = Prefix + "/sessions/{sessionId}/games/share";
    /// <summary>GET: <see cref="AchievementsResponse"/>, badges and challenge progress.</summary>
    public const string Achievements = Prefix + "/sessions/{sessionId}/achievements";
    /// <summary>GET: <see cref="WishListResponse"/>.</summary>
    public const string WishList = Prefix + "/sessions/{sessionId}/wishlist";
    /// <summary>PUT (no body): add the product (idempotent; 404 unknown product, 409 list full). DELETE: remove it. Both return <see cref="WishListResponse"/>.</summary>
    public const string WishListItem = Prefix + "/sessions/{sessionId}/wishlist/{productId}";

    // kiosk: products and reviews (no session needed to read; posting a review needs one).
    /// <summary>GET ?q=text&amp;limit=n: <see cref="ProductSearchResponse"/> (name or category contains q).</summary>
    public const string Products = Prefix + "/products";
    /// <summary>GET: <see cref="ProductView"/> (aisle, stock).</summary>
    public const string Product = Prefix + "/products/{productId}";
    /// <summary>GET ?limit=n: <see cref="ProductReviews"/> with histogram. POST <see cref="PostReviewRequest"/>: <see cref="PostReviewResponse"/>.</summary>
    public const string ProductReviews = Prefix + "/products/{productId}/reviews";

    // pos
    /// <summary>POST <see cref="RedeemRequest"/>: <see cref="RedeemResponse"/> (200 accepted or refused with a reason).</summary>
    public const string Redemptions = Prefix + "/redemptions";
    /// <summary>POST <see cref="PosReceipt"/> (e-receipt webhook): <see cref="PosReceiptResult"/>; stamps punch cards, adds pending points.</summary>
    public const string Receipts = Prefix + "/pos/receipts";

    // wearable
    /// <summary>PUT <see cref="ClerkStatusRequest"/>: on shift, zone, busy (204).</summary>
    public const string ClerkStatus = Prefix + "/clerks/{clerkId}/status";
    /// <summary>POST <see cref="ClaimAlertRequest"/>: <see cref="ClaimAlertResponse"/>; the first claim wins.</summary>
    public const string ClaimAlert = Prefix + "/alerts/{alertId}/claim";

    public static string SessionFor(string sessionId) => Session.Replace("{sessionId}", Uri.EscapeDataString(sessionId), StringComparison.Ordinal);
    public static string SessionOffersFor(string sessionId) => SessionOffers.Replace("{sessionId}", Uri.EscapeDataString(sessionId), StringComparison.Ordinal);
    public static string SaveOfferFor(string sessionId, string couponId) =>
        SaveOffer.Replace("{sessionId}", Uri.EscapeDataString(sessionId), StringComparison.Ordinal).Replace("{couponId}", Uri.EscapeDataString(couponId), StringComparison.Ordinal);
    public static string CheckInFor(string sessionId) => CheckIn.Replace("{sessionId}", Uri.EscapeDataString(sessionId), StringComparison.Ordinal);
    public static string PrizeDrawFor(string sessionId) => PrizeDraw.Replace("{sessionId}", Uri.EscapeDataString(sessionId), StringComparison.Ordinal);
    public static string SpinFor(string sessionId) => Spin.Replace("{sessionId}", Uri.EscapeDataString(sessionId), StringComparison.Ordinal);
    public static string ShareVisitFor(string sessionId) => ShareVisit.Replace("{sessionId}", Uri.EscapeDataString(sessionId), StringComparison.Ordinal);
    public static string AchievementsFor(string sessionId) => Achievements.Replace("{sessionId}", Uri.EscapeDataString(sessionId), StringComparison.Ordinal);
    public static string WishListFor(string sessionId) => WishList.Replace("{sessionId}", Uri.EscapeDataString(sessionId), StringComparison.Ordinal);
    public static string WishListItemFor(string sessionId, string productId) =>
        WishListItem.Replace("{sessionId}", Uri.EscapeDataString(sessionId), StringComparison.Ordinal).Replace("{productId}", Uri.EscapeDataString(productId), StringComparison.Ordinal);
    public static string ProductFor(string productId) => Product.Replace("{productId}", Uri.EscapeDataString(productId), StringComparison.Ordinal);
    public static string ProductReviewsFor(string productId) => ProductReviews.Replace("{productId}", Uri.EscapeDataString(productId), StringComparison.Ordinal);
    public static string ClerkStatusFor(string clerkId) => ClerkStatus.Replace("{clerkId}", Uri.EscapeDataString(clerkId), StringComparison.Ordinal);
    public static string ClaimAlertFor(string alertId) => ClaimAlert.Replace("{alertId}", Uri.EscapeDataString(alertId), StringComparison.Ordinal);
}
