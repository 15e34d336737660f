namespace Edge.Contracts.Agent;

public enum DiscountKind
{
    /// <summary>Percent off the product or category (DiscountValue 0-100).</summary>
    Percent,

    /// <summary>Fixed amount off, in the store's currency.</summary>
    AmountOff,
}
