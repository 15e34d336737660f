using System.Globalization;
using System.Text.Json;
using Edge.Trainer.Data;

namespace Edge.Trainer.NextBasket;

/// <summary>
/// Reads the Reality Check's jsondata: {"user": [[-1], [item, ...], ..., [-1]]} for history and future. The [-1]
/// markers that open and close each list are dropped; a future file must hold one basket per user.
/// </summary>
internal static class BasketDataReader
{
    public const string HistoryFile = "tafeng_history.json";
    public const string FutureFile = "tafeng_future.json";
    public const string PopularityFile = "tafeng_pop.csv";

    public static BasketData Read(string folder)
    {
        var history = ReadBaskets(Path.Combine(folder, HistoryFile));
        var future = ReadBaskets(Path.Combine(folder, FutureFile));
        var ids = history.Keys.OrderBy(k => k).ToArray();
        var users = new int[ids.Length][][];
        var targets = new HashSet<int>[ids.Length];
        var maxItem = -1;
        for (var u = 0; u < ids.Length; u++)
        {
            users[u] = history[ids[u]];
            if (!future.TryGetValue(ids[u], out var baskets) || baskets.Length != 1)
            {
                throw new DataFormatException($"{Path.Combine(folder, FutureFile)}: user '{ids[u]}' must have exactly one future basket.");
            }

            targets[u] = [.. baskets[0]];
            foreach (var basket in users[u])
            {
                foreach (var item in basket)
                {
                    maxItem = Math.Max(maxItem, item);
                }
            }

            foreach (var item in targets[u])
            {
                maxItem = Math.Max(maxItem, item);
            }
        }

        var pop = Data.CsvTable.Read(Path.Combine(folder, PopularityFile), "product_id", "count");
        var productColumn = pop.Column("product_id");
        var globalOrder = new int[pop.RowCount];
        for (var r = 0; r < pop.RowCount; r++)
        {
            globalOrder[r] = (int)pop.Long(r, productColumn);
        }

        return new BasketData(ids, users, targets, maxItem + 1, globalOrder);
    }

    private static Dictionary<int, int[][]> ReadBaskets(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException($"{path}: file is missing.");
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new DataFormatException($"{path}: expected an object of user -> baskets.");
        }

        var result = new Dictionary<int, int[][]>();
        foreach (var user in document.RootElement.EnumerateObject())
        {
            if (!int.TryParse(user.Name, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            {
                throw new DataFormatException($"{path}: user key '{user.Name}' is not an integer.");
            }

            if (user.Value.ValueKind != JsonValueKind.Array)
            {
                throw new DataFormatException($"{path}: user '{user.Name}' does not hold a list of baskets.");
            }

            var baskets = new List<int[]>();
            foreach (var basket in user.Value.EnumerateArray())
            {
                if (basket.ValueKind != JsonValueKind.Array)
                {
                    throw new DataFormatException($"{path}: user '{user.Name}' has a basket that is not a list.");
                }

                var items = new int[basket.GetArrayLength()];
                var i = 0;
                foreach (var item in basket.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out items[i]) || items[i] < -1)
                    {
                        throw new DataFormatException($"{path}: user '{user.Name}' has an item '{item}' that is not an item id.");
                    }

                    i++;
                }

                if (!(items.Length == 1 && items[0] == -1))
                {
                    if (Array.IndexOf(items, -1) >= 0)
                    {
                        throw new DataFormatException($"{path}: user '{user.Name}' has -1 inside a basket.");
                    }

                    baskets.Add(items);
                }
            }

            result[id] = [.. baskets];
        }

        return result;
    }
}
