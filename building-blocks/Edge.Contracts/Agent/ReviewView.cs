namespace Edge.Contracts.Agent;

/// <summary>A published review. <see cref="Text"/> is moderated plain text (personal data masked); render it as text, never as markup.</summary>
public sealed record ReviewView(string ReviewId, string ProductId, int Rating, string Text, string AuthorFirstName, DateTimeOffset CreatedAt);
