using System.Globalization;

namespace Edge.Agent.Offers;

/// <summary>
/// Maps the bundle's feature schema (manifest.json names, in column order) to how the hub computes each column from
/// a member's stats and an offer. A name the hub cannot compute means the bundle was trained for other inputs: it
/// is refused (<see cref="InvalidDataException"/> naming the feature), never fed zeros silently. Demographic columns
/// exist in the schema but the member cache carries no demographics: they are 0, with has_demographics = 0, which
/// is how the training data encodes a household without them.
/// </summary>
internal sealed class FeatureSchema
{
    private static readonly string[] s_demographicPrefixes =
        ["age=", "income=", "home_ownership=", "marital_status=", "household_size=", "household_comp=", "kids_count="];

    private readonly Func<MemberStats, OfferDefinition, float>[] _columns;

    private FeatureSchema(Func<MemberStats, OfferDefinition, float>[] columns) => _columns = columns;

    public int Count => _columns.Length;

    public static FeatureSchema Compile(IReadOnlyList<Contracts.Models.ModelFeature> features)
    {
        var columns = new Func<MemberStats, OfferDefinition, float>[features.Count];
        for (var i = 0; i < features.Count; i++)
        {
            var feature = features[i];
            if (feature.Index != i)
            {
                throw new InvalidDataException($"feature '{feature.Name}' has index {feature.Index} at position {i}: the schema is out of order");
            }

            columns[i] = Column(feature.Name) ?? throw new InvalidDataException($"feature '{feature.Name}' (column {i}) is not one edge-agent can compute: the bundle does not match this release");
        }

        return new FeatureSchema(columns);
    }

    /// <summary>Writes one row per offer into <paramref name="destination"/> (offers.Count x Count floats).</summary>
    public void Fill(MemberStats member, IReadOnlyList<OfferDefinition> offers, Span<float> destination)
    {
        var width = _columns.Length;
        for (var row = 0; row < offers.Count; row++)
        {
            var offer = offers[row];
            var target = destination.Slice(row * width, width);
            for (var c = 0; c < width; c++)
            {
                target[c] = _columns[c](member, offer);
            }
        }
    }

    private static Func<MemberStats, OfferDefinition, float>? Column(string name)
    {
        static float Log1p(double x) => (float)Math.Log(1 + x);
        static float Share(int part, int whole) => whole == 0 ? 0f : (float)part / whole;
        static int CategoryLines(MemberStats m, OfferDefinition o) => o.Category is not null && m.Departments.TryGetValue(o.Category, out var n) ? n : 0;

        if (name.StartsWith("campaign_type=", StringComparison.Ordinal))
        {
            var type = name["campaign_type=".Length..];
            return (_, o) => string.Equals(o.CampaignType, type, StringComparison.OrdinalIgnoreCase) ? 1f : 0f;
        }

        if (name.StartsWith("department_share=", StringComparison.Ordinal))
        {
            var department = name["department_share=".Length..];
            return (m, _) => Share(m.Departments.TryGetValue(department, out var n) ? n : 0, m.Lines);
        }

        if (s_demographicPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
        {
            return static (_, _) => 0f;
        }

        return name switch
        {
            "campaign_days" => static (_, o) => o.CampaignDays > 0 ? o.CampaignDays : (float)Math.Round((o.ValidTo - o.ValidFrom).TotalDays),
            "campaign_coupon_products" => static (_, o) => Log1p(o.CouponProducts),
            "campaign_households" => static (_, o) => Log1p(o.Households),
            "past_campaigns_received" => static (m, _) => Log1p(m.CouponsReceived),
            "past_campaigns_redeemed" => static (m, _) => Log1p(m.CouponsRedeemed),
            "past_redemption_rate" => static (m, _) => Share(m.CouponsRedeemed, m.CouponsReceived),
            "past_redemptions" => static (m, _) => Log1p(m.CouponsRedeemed),
            "has_demographics" => static (_, _) => 0f,
            "purchases" => static (m, _) => Log1p(m.Lines),
            "spend" => static (m, _) => Log1p(m.Spend),
            "coupon_share" => static (m, _) => Share(m.CouponsRedeemed, m.Lines),
            "campaign_product_share" => static (m, o) => Share(CategoryLines(m, o), m.Lines),
            "campaign_product_purchases" => static (m, o) => Log1p(CategoryLines(m, o)),
            _ => null,
        };
    }

    public override string ToString() => Count.ToString(CultureInfo.InvariantCulture) + " features";
}
