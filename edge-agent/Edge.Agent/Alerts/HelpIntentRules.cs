using Edge.Agent.Members;
using Edge.Contracts.Presence;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Alerts;

/// <summary>
/// The explainable rules: (1) a high-value member (tier) dwelling in a zone that sells a high-consideration category,
/// or (2) a member dwelling where the product they looked up at a kiosk within the research window is sold (or in a
/// zone with no configured category). The product, when known, goes on the wearable with its key specs.
/// </summary>
internal sealed class HelpIntentRules(IOptions<AlertsOptions> options, IProductResearch research, TimeProvider time) : IHelpIntent
{
    public HelpSignal? Evaluate(MemberDwelled dwell, MemberRecord member)
    {
        ArgumentNullException.ThrowIfNull(dwell);
        ArgumentNullException.ThrowIfNull(member);
        var o = options.Value;
        var category = o.Zones.TryGetValue(dwell.Zone, out var zone) ? zone.Category : null;
        var product = research.LatestFor(member.MemberId, time.GetUtcNow() - o.ResearchWindow);
        if (product is not null && (category is null || string.Equals(product.Category, category, StringComparison.OrdinalIgnoreCase)))
        {
            return new HelpSignal(product.Category ?? category, "looked up " + product.Name + " at a kiosk", product, null);
        }

        var highValue = o.HighValueTiers.Contains(member.Tier, StringComparer.OrdinalIgnoreCase);
        if (highValue && category is not null && o.HighConsiderationCategories.Contains(category, StringComparer.OrdinalIgnoreCase))
        {
            return new HelpSignal(category, member.Tier + " member browsing " + category, null, null);
        }

        return null;
    }
}
