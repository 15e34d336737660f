namespace Edge.Trainer.Offers;

/// <summary>A row of coupon_redemptions.csv (the coupon itself is not needed).</summary>
internal readonly record struct Redemption(int Household, int Campaign, DateOnly Date);
