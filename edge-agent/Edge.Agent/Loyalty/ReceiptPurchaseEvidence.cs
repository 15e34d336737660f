using Edge.Agent.Reviews;
using Edge.Agent.Storage;
using Microsoft.Data.Sqlite;

namespace Edge.Agent.Loyalty;

/// <summary>The member bought the product on a POS receipt at this store ("verified purchase" on reviews). Never shown as a history.</summary>
internal sealed class ReceiptPurchaseEvidence : IPurchaseEvidence
{
    public bool HasBought(SqliteConnection connection, string memberId, string productId) =>
        connection.Long("SELECT count(*) FROM member_purchases WHERE member_id = $1 AND product_id = $2;", memberId, productId) > 0;
}
