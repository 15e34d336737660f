using Edge.Agent.Offers;
using Edge.Agent.Storage;
using Microsoft.Data.Sqlite;

namespace Edge.Agent.Reviews;

/// <summary>The member redeemed (at the POS, in the redemption ledger) a coupon whose offer is for this product.</summary>
internal sealed class RedemptionPurchaseEvidence(OfferCatalog catalog) : IPurchaseEvidence
{
    public bool HasBought(SqliteConnection connection, string memberId, string productId)
    {
        foreach (var offer in catalog.Offers)
        {
            if (offer.ProductId == productId
                && connection.Long("SELECT count(*) FROM redemptions r JOIN coupons c ON c.coupon_id = r.coupon_id WHERE r.member_id = $1 AND c.offer_id = $2;", memberId, offer.OfferId) > 0)
            {
                return true;
            }
        }

        return false;
    }
}
