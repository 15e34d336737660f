namespace Edge.Provisioning.Tokens;

/// <summary>--json output of tokens issue: per caller whether its token is new, and the files written (never the tokens).</summary>
internal sealed record TokensIssueResult(IReadOnlyList<TokenState> Callers, IReadOnlyList<string> FilesWritten);

/// <summary>One caller's token after tokens issue: "created", "rotated" or "kept".</summary>
internal sealed record TokenState(string Caller, string State, string Purpose);
