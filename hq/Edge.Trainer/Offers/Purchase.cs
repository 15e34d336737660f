namespace Edge.Trainer.Offers;

/// <summary>A row of transactions_sample.csv, reduced to what the features use.</summary>
internal readonly record struct Purchase(int Household, long Product, DateOnly Date, double SalesValue, bool UsedCoupon);
