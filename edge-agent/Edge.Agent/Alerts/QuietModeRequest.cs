namespace Edge.Agent.Alerts;

/// <summary>Body of PUT <see cref="AlertsRoutes.QuietMode"/>: true silences new alerts (open ones still escalate or expire).</summary>
internal sealed record QuietModeRequest(bool Quiet);
