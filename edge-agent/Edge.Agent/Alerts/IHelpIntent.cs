using Edge.Agent.Members;
using Edge.Contracts.Presence;

namespace Edge.Agent.Alerts;

/// <summary>
/// Decides whether a dwelling member likely wants a clerk. The shipped offer model (Offers/OfferModel) has one output,
/// the redemption probability per offer, and no help/high-intent output, so <see cref="HelpIntentRules"/> decides.
/// A model with such an output replaces it with one registration (AlertsExtensions); the contract stays the same.
/// </summary>
internal interface IHelpIntent
{
    HelpSignal? Evaluate(MemberDwelled dwell, MemberRecord member);
}
