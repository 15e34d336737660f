namespace Edge.Contracts.Agent;

/// <summary>POST <see cref="AgentRoutes.PromoteShadowModel"/>: the model version serving now and the one it replaced.</summary>
public sealed record ShadowModelPromoted(string ServingVersion, string? ReplacedVersion);
