namespace Edge.Agent.Alerts;

/// <summary>A product a member looked up at a kiosk: what the clerk's wearable shows (name and a few key specs, never a price history).</summary>
internal sealed record ResearchedProduct(string ProductId, string Name, string? Category, IReadOnlyList<string> KeySpecs, DateTimeOffset LookedUpAt);
