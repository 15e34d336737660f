namespace Edge.Contracts.Agent;

/// <summary>
/// Outbox stream <see cref="OutboxStreams.OffersIssued"/>: one offer decision, including control-group (holdout)
/// decisions that issued nothing, so the cloud can measure uplift. Message id "offer-decision:{DecisionId}".
/// </summary>
public sealed record OfferDecisionEvent(
    string DecisionId,
    string MemberId,
    string Zone,
    string? KioskId,
    bool Control,
    string? CouponId,
    string? OfferId,
    DecisionSource DecidedBy,
    double? Probability,
    string? ModelVersion,
    string? Reason,
    DateTimeOffset At);
