namespace Edge.Agent.Alerts;

/// <summary>Why a member likely wants help: the interest category and product to show, the reason line, and the score when a model gave one.</summary>
internal sealed record HelpSignal(string? Interest, string Reason, ResearchedProduct? Product, double? Score);
