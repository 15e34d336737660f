using Edge.Contracts.Models;

namespace Edge.Trainer.Offers;

/// <summary>
/// Turns the Complete Journey tables into the household x campaign rows. Everything about the household is taken
/// strictly before the campaign's start date (past redemptions, sampled purchases), so no row sees its own outcome.
/// </summary>
internal static class OfferFeatureBuilder
{
    /// <summary>Departments whose share of the household's purchases become features (the most frequent overall).</summary>
    public const int DepartmentCount = 10;

    public static OfferDataset Build(CompleteJourneyData data)
    {
        var features = new List<ModelFeature>();
        void Add(string name, FeatureKind kind, string description) => features.Add(new ModelFeature(features.Count, name, kind, description, 0, 1));

        var types = data.Campaigns.Values.Select(c => c.Type).Distinct().Order(StringComparer.Ordinal).ToArray();
        foreach (var t in types)
        {
            Add("campaign_type=" + t, FeatureKind.OneHot, "campaign_descriptions.campaign_type");
        }

        Add("campaign_days", FeatureKind.Numeric, "end_date - start_date in days");
        Add("campaign_coupon_products", FeatureKind.Log1p, "distinct products the campaign's coupons cover (coupons.csv)");
        Add("campaign_households", FeatureKind.Log1p, "households the campaign was sent to (campaigns.csv)");
        Add("past_campaigns_received", FeatureKind.Log1p, "campaigns the household got that started before this one");
        Add("past_campaigns_redeemed", FeatureKind.Log1p, "campaigns the household redeemed a coupon of before this start");
        Add("past_redemption_rate", FeatureKind.Fraction, "past_campaigns_redeemed / past_campaigns_received (0 when none)");
        Add("past_redemptions", FeatureKind.Log1p, "coupon redemptions before this start");
        Add("has_demographics", FeatureKind.Flag, "the household is in demographics.csv");

        var categories = new List<(int Column, string Value)>();
        for (var c = 0; c < data.DemographicColumns.Length; c++)
        {
            foreach (var value in data.Demographics.Values.Select(v => v[c]).Where(v => v.Length > 0).Distinct().Order(StringComparer.Ordinal))
            {
                categories.Add((c, value));
                Add(data.DemographicColumns[c] + "=" + value, FeatureKind.OneHot, "demographics." + data.DemographicColumns[c]);
            }
        }

        Add("purchases", FeatureKind.Log1p, "sampled purchase lines before this start (transactions_sample)");
        Add("spend", FeatureKind.Log1p, "sales_value of those lines");
        Add("coupon_share", FeatureKind.Fraction, "share of those lines with a coupon discount");
        Add("campaign_product_share", FeatureKind.Fraction, "share of those lines whose product this campaign's coupons cover");
        Add("campaign_product_purchases", FeatureKind.Log1p, "those lines whose product this campaign's coupons cover");
        var departments = data.Purchases
            .Select(p => data.ProductDepartments.TryGetValue(p.Product, out var d) ? d : string.Empty)
            .Where(d => d.Length > 0)
            .GroupBy(d => d, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(DepartmentCount).Select(g => g.Key).ToArray();
        foreach (var d in departments)
        {
            Add("department_share=" + d, FeatureKind.Fraction, "share of the sampled lines before this start in department " + d);
        }

        var campaignSize = data.Targeted.GroupBy(t => t.Campaign).ToDictionary(g => g.Key, g => g.Count());
        var received = data.Targeted.GroupBy(t => t.Household).ToDictionary(g => g.Key, g => g.Select(t => data.Campaigns[t.Campaign]).ToArray());
        var redemptions = data.Redemptions.GroupBy(r => r.Household).ToDictionary(g => g.Key, g => g.ToArray());
        var purchases = data.Purchases.GroupBy(p => p.Household).ToDictionary(g => g.Key, g => g.ToArray());
        var redeemed = data.Redemptions.Select(r => (r.Campaign, r.Household)).ToHashSet();

        var rows = data.Targeted
            .OrderBy(t => data.Campaigns[t.Campaign].Start).ThenBy(t => t.Campaign).ThenBy(t => t.Household)
            .ToArray();
        var width = features.Count;
        var x = new double[rows.Length * width];
        var labels = new bool[rows.Length];
        var campaignIds = new int[rows.Length];
        var starts = new DateOnly[rows.Length];
        var pastRate = new double[rows.Length];
        var departmentIndex = departments.Select((d, i) => (d, i)).ToDictionary(p => p.d, p => p.i, StringComparer.Ordinal);
        var departmentCounts = new double[departments.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            var (campaignId, household) = rows[r];
            var campaign = data.Campaigns[campaignId];
            var row = x.AsSpan(r * width, width);
            var col = 0;
            foreach (var t in types)
            {
                row[col++] = t == campaign.Type ? 1 : 0;
            }

            var products = data.CouponProducts.TryGetValue(campaignId, out var set) ? set : [];
            row[col++] = campaign.End.DayNumber - campaign.Start.DayNumber;
            row[col++] = Math.Log(1 + products.Count);
            row[col++] = Math.Log(1 + campaignSize[campaignId]);

            var before = received[household].Count(c => c.Start < campaign.Start);
            var householdRedemptions = redemptions.TryGetValue(household, out var hr) ? hr : [];
            var redeemedBefore = householdRedemptions.Where(h => h.Date < campaign.Start).Select(h => h.Campaign).Distinct().Count();
            var redemptionsBefore = householdRedemptions.Count(h => h.Date < campaign.Start);
            var rate = before == 0 ? 0 : Math.Min(1.0, (double)redeemedBefore / before);
            row[col++] = Math.Log(1 + before);
            row[col++] = Math.Log(1 + redeemedBefore);
            row[col++] = rate;
            row[col++] = Math.Log(1 + redemptionsBefore);

            var hasDemographics = data.Demographics.TryGetValue(household, out var demo);
            row[col++] = hasDemographics ? 1 : 0;
            foreach (var (column, value) in categories)
            {
                row[col++] = hasDemographics && demo![column] == value ? 1 : 0;
            }

            var lines = 0;
            double spend = 0;
            var couponLines = 0;
            var campaignLines = 0;
            Array.Clear(departmentCounts);
            foreach (var p in purchases.TryGetValue(household, out var hp) ? hp : [])
            {
                if (p.Date >= campaign.Start)
                {
                    continue;
                }

                lines++;
                spend += p.SalesValue;
                couponLines += p.UsedCoupon ? 1 : 0;
                campaignLines += products.Contains(p.Product) ? 1 : 0;
                if (data.ProductDepartments.TryGetValue(p.Product, out var department) && departmentIndex.TryGetValue(department, out var di))
                {
                    departmentCounts[di]++;
                }
            }

            row[col++] = Math.Log(1 + lines);
            row[col++] = Math.Log(1 + Math.Max(0, spend));
            row[col++] = lines == 0 ? 0 : (double)couponLines / lines;
            row[col++] = lines == 0 ? 0 : (double)campaignLines / lines;
            row[col++] = Math.Log(1 + campaignLines);
            foreach (var count in departmentCounts)
            {
                row[col++] = lines == 0 ? 0 : count / lines;
            }

            labels[r] = redeemed.Contains((campaignId, household));
            campaignIds[r] = campaignId;
            starts[r] = campaign.Start;
            pastRate[r] = rate;
        }

        return new OfferDataset(features, x, labels, campaignIds, starts, pastRate);
    }
}
