namespace Edge.Provisioning.Models;

/// <summary>--json output of model promote.</summary>
internal sealed record ModelPromoteResult(string Serving, string? Replaced);
