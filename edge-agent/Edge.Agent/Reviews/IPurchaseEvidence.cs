using Microsoft.Data.Sqlite;

namespace Edge.Agent.Reviews;

/// <summary>
/// One kind of proof that a member bought a product (for the "verified purchase" badge). Every registered source is
/// asked; today <see cref="RedemptionPurchaseEvidence"/> (a redeemed coupon for the product). The POS receipts'
/// lines are the other source, registered next to them.
/// </summary>
internal interface IPurchaseEvidence
{
    bool HasBought(SqliteConnection connection, string memberId, string productId);
}
