namespace Edge.Agent.Alerts;

/// <summary>What the wearable shows, kept with the alert only while it is open (an escalation re-sends it); erased at closing.</summary>
internal sealed record AlertContent(string FirstName, string? Interest, string Reason, string? Product, IReadOnlyList<string>? KeySpecs);
