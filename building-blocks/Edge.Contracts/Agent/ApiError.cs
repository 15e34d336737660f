namespace Edge.Contracts.Agent;

/// <summary>Every non-2xx answer of the local API. <see cref="Code"/> is stable (snake_case); <see cref="Message"/> is for logs, not for shoppers.</summary>
public sealed record ApiError(string Code, string Message);
