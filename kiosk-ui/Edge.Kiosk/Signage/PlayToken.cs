namespace Edge.Kiosk.Signage;

/// <summary>One showing of an item: handed to the browser with the slide and returned when the slide ends (proof of play).</summary>
public sealed record PlayToken(string Token, string ItemId, DateTimeOffset StartedAt);
