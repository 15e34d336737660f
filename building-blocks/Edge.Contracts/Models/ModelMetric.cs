namespace Edge.Contracts.Models;

/// <summary>One held-out measurement, e.g. ("model", "roc_auc", 0.71) or ("baseline_campaign_rate", "precision_at_10pct", 0.2).</summary>
public sealed record ModelMetric(string Scorer, string Name, double Value);
