using Edge.Agent.Storage;

namespace Edge.Agent.Loyalty;

internal sealed class PurchaseHistory(AgentDatabase database) : IPurchaseHistory
{
    public bool HasBought(string memberId, string productId) =>
        database.Read(c => c.Long("SELECT count(*) FROM member_purchases WHERE member_id = $1 AND product_id = $2;", memberId, productId)) > 0;
}
