namespace Edge.Contracts.Agent;

/// <summary>
/// Body of the signed down kind <see cref="Cloud.DownKinds.PrizeBudget"/> (forwarded by cloud-sync as a
/// <see cref="Cloud.LocalDownEvent"/> on store/down/prize-budget): what may be won in each of the store's budget
/// periods (edge-agent's <c>Games:PrizeBudgetPeriod</c>, a day or an ISO week) from now on, in the store's currency.
/// It replaces edge-agent's configured <c>Games:PrizeBudget</c>; spending is still counted on the hub.
/// </summary>
public sealed record PrizeBudgetUpdate(decimal Amount);
