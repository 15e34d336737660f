namespace Edge.Agent.Alerts;

/// <summary>One zone of <c>EdgeAgent:Alerts:Zones</c>: what it sells and who helps out when its clerks are away.</summary>
internal sealed class AlertZoneOptions
{
    /// <summary>The category sold here (the alert's interest; matched against HighConsiderationCategories).</summary>
    public string? Category { get; set; }

    /// <summary>Zones whose clerks are asked next, in this order, when no clerk of this zone is free.</summary>
    public List<string> Neighbours { get; set; } = [];
}
