namespace Edge.Trainer.Offers;

/// <summary>A row of campaign_descriptions.csv.</summary>
internal sealed record Campaign(int Id, string Type, DateOnly Start, DateOnly End);
