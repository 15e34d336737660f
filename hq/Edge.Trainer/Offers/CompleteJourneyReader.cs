using Edge.Trainer.Data;

namespace Edge.Trainer.Offers;

/// <summary>
/// Reads the Complete Journey 2.0 CSVs (as converted from the R package completejourney 1.1.1). Each file is checked
/// for the columns used; a missing file or column stops with its name.
/// </summary>
internal static class CompleteJourneyReader
{
    public const string CampaignDescriptionsFile = "campaign_descriptions.csv";
    public const string CampaignsFile = "campaigns.csv";
    public const string RedemptionsFile = "coupon_redemptions.csv";
    public const string DemographicsFile = "demographics.csv";
    public const string TransactionsFile = "transactions_sample.csv.gz";
    public const string CouponsFile = "coupons.csv.gz";
    public const string ProductsFile = "products.csv.gz";

    public static readonly string[] Files = [CampaignDescriptionsFile, CampaignsFile, RedemptionsFile, DemographicsFile, TransactionsFile, CouponsFile, ProductsFile];

    /// <summary>Demographic columns used as one-hot categories, in this order.</summary>
    public static readonly string[] DemographicColumns = ["age", "income", "home_ownership", "marital_status", "household_size", "household_comp", "kids_count"];

    public static CompleteJourneyData Read(string folder, int? householdLimit = null)
    {
        var descriptions = CsvTable.Read(Path.Combine(folder, CampaignDescriptionsFile), "campaign_id", "campaign_type", "start_date", "end_date");
        var campaigns = new Dictionary<int, Campaign>();
        int id = descriptions.Column("campaign_id"), type = descriptions.Column("campaign_type"), start = descriptions.Column("start_date"), end = descriptions.Column("end_date");
        for (var r = 0; r < descriptions.RowCount; r++)
        {
            var campaign = new Campaign((int)descriptions.Long(r, id), descriptions.Text(r, type), descriptions.Date(r, start), descriptions.Date(r, end));
            campaigns[campaign.Id] = campaign;
        }

        bool Keep(int household) => householdLimit is not { } limit || household % 1000 < limit;

        var targetedTable = CsvTable.Read(Path.Combine(folder, CampaignsFile), "campaign_id", "household_id");
        var targeted = new List<(int, int)>();
        int tc = targetedTable.Column("campaign_id"), th = targetedTable.Column("household_id");
        for (var r = 0; r < targetedTable.RowCount; r++)
        {
            var campaign = (int)targetedTable.Long(r, tc);
            if (!campaigns.ContainsKey(campaign))
            {
                throw new DataFormatException($"{targetedTable.Path}: column 'campaign_id' line {r + 2}: campaign {campaign} is not in {CampaignDescriptionsFile}.");
            }

            var household = (int)targetedTable.Long(r, th);
            if (Keep(household))
            {
                targeted.Add((campaign, household));
            }
        }

        var redemptionTable = CsvTable.Read(Path.Combine(folder, RedemptionsFile), "household_id", "campaign_id", "redemption_date");
        var redemptions = new Redemption[redemptionTable.RowCount];
        int rh = redemptionTable.Column("household_id"), rc = redemptionTable.Column("campaign_id"), rd = redemptionTable.Column("redemption_date");
        for (var r = 0; r < redemptions.Length; r++)
        {
            redemptions[r] = new Redemption((int)redemptionTable.Long(r, rh), (int)redemptionTable.Long(r, rc), redemptionTable.Date(r, rd));
        }

        var demographicsTable = CsvTable.Read(Path.Combine(folder, DemographicsFile), ["household_id", .. DemographicColumns]);
        var demographics = new Dictionary<int, string[]>();
        var columns = DemographicColumns.Select(demographicsTable.Column).ToArray();
        var dh = demographicsTable.Column("household_id");
        for (var r = 0; r < demographicsTable.RowCount; r++)
        {
            demographics[(int)demographicsTable.Long(r, dh)] = columns.Select(c => demographicsTable.Text(r, c)).ToArray();
        }

        var transactions = CsvTable.Read(Path.Combine(folder, TransactionsFile), "household_id", "product_id", "sales_value", "coupon_disc", "transaction_timestamp");
        var purchases = new List<Purchase>(transactions.RowCount);
        int ph = transactions.Column("household_id"), pp = transactions.Column("product_id"), ps = transactions.Column("sales_value"), pc = transactions.Column("coupon_disc"), pt = transactions.Column("transaction_timestamp");
        for (var r = 0; r < transactions.RowCount; r++)
        {
            var household = (int)transactions.Long(r, ph);
            if (Keep(household))
            {
                purchases.Add(new Purchase(household, transactions.Long(r, pp), transactions.Date(r, pt), transactions.Double(r, ps), transactions.Double(r, pc) != 0));
            }
        }

        var coupons = CsvTable.Read(Path.Combine(folder, CouponsFile), "coupon_upc", "product_id", "campaign_id");
        var couponProducts = new Dictionary<int, HashSet<long>>();
        int cp = coupons.Column("product_id"), cc = coupons.Column("campaign_id");
        for (var r = 0; r < coupons.RowCount; r++)
        {
            var campaign = (int)coupons.Long(r, cc);
            if (!couponProducts.TryGetValue(campaign, out var set))
            {
                couponProducts[campaign] = set = [];
            }

            set.Add(coupons.Long(r, cp));
        }

        var products = CsvTable.Read(Path.Combine(folder, ProductsFile), "product_id", "department");
        var departments = new Dictionary<long, string>(products.RowCount);
        int prId = products.Column("product_id"), prDep = products.Column("department");
        for (var r = 0; r < products.RowCount; r++)
        {
            departments[products.Long(r, prId)] = products.Text(r, prDep);
        }

        return new CompleteJourneyData(campaigns, [.. targeted], redemptions, demographics, DemographicColumns, [.. purchases], couponProducts, departments);
    }
}
