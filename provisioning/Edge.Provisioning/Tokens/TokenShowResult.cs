namespace Edge.Provisioning.Tokens;

/// <summary>--json output of tokens show.</summary>
internal sealed record TokenShowResult(string Caller, string Token);
