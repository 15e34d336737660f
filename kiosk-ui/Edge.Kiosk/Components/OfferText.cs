using Edge.Contracts.Agent;
using Edge.Kiosk.Localization;

namespace Edge.Kiosk.Components;

internal static class OfferText
{
    public static string Discount(string lang, OfferView offer) => offer.DiscountKind == DiscountKind.Percent
        ? KioskText.Format(lang, "offers.percent", offer.DiscountValue.ToString("0.##", KioskText.CultureFor(lang)))
        : KioskText.Format(lang, "offers.amount", offer.DiscountValue.ToString("0.00", KioskText.CultureFor(lang)));

    public static string ValidUntil(string lang, OfferView offer) =>
        KioskText.Format(lang, "offers.validUntil", offer.ValidUntil.ToString("d", KioskText.CultureFor(lang)));
}
