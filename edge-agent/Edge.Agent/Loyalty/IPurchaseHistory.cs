namespace Edge.Agent.Loyalty;

/// <summary>What the member bought at this store (from POS receipts), for "verified purchase" on reviews. Never shown as a history.</summary>
internal interface IPurchaseHistory
{
    bool HasBought(string memberId, string productId);
}
