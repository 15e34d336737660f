namespace Edge.Contracts.Cloud;

/// <summary>Kinds of downstream messages (retail/v1/{store}/down/{kind}) and which of them must be signed.</summary>
public static class DownKinds
{
    public const string MemberDelta = "member-delta";
    public const string OfferCatalog = "offer-catalog";
    public const string ModelBundle = "model-bundle";
    public const string Configuration = "configuration";
    public const string PrizeBudget = "prize-budget";

    /// <summary>edge-agent's product catalog (Agent/ProductCatalogUpdate): names, prices, aisles, stock here and nearby.</summary>
    public const string ProductCatalog = "product-catalog";

    /// <summary>
    /// A member's app confirmed a kiosk's pairing QR (<see cref="KioskPairingConfirmation"/>). Not signed: the pairing
    /// token inside is an HMAC under the member's own key, which edge-agent verifies before any login.
    /// </summary>
    public const string KioskPairing = "kiosk-pairing";

    public static readonly IReadOnlyList<string> All = [MemberDelta, OfferCatalog, ModelBundle, Configuration, PrizeBudget, ProductCatalog, KioskPairing];

    /// <summary>Kinds that change what the hub spends or runs: refused without a valid <see cref="DownProperties.Signature"/>.</summary>
    public static bool RequiresSignature(string kind) => kind is Configuration or PrizeBudget or ModelBundle;
}
