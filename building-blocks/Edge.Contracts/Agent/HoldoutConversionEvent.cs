namespace Edge.Contracts.Agent;

/// <summary>
/// Outbox stream <see cref="OutboxStreams.HoldoutConversions"/>, message id "holdout-conversion:{DecisionId}": a member
/// of the holdout group bought the product (or a product of the category) of the offer they would have been given, on a
/// receipt within that offer's would-be coupon validity. The holdout group's counterpart of a redemption, for uplift.
/// At most one per decision. Only the decision id, the offer and the receipt's time: the member is already on the
/// decision, and no receipt line or amount goes up.
/// </summary>
public sealed record HoldoutConversionEvent(string DecisionId, string OfferId, DateTimeOffset At);
