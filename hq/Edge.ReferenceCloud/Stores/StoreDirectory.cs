using Edge.ReferenceCloud.Storage;

namespace Edge.ReferenceCloud.Stores;

/// <summary>
/// The stores this cloud knows: one HQ expects a claim for, one with a claimed hub, or one with members. Catalogs,
/// budgets, bundles and walks for any other store are refused (404), so a typo does not start a phantom store's
/// sequences.
/// </summary>
internal sealed class StoreDirectory(CloudDatabase database)
{
    public bool IsKnown(string storeId)
    {
        lock (database.Gate)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = """
                SELECT EXISTS (SELECT 1 FROM expected_claims WHERE store_id = $s)
                    OR EXISTS (SELECT 1 FROM hubs WHERE store_id = $s)
                    OR EXISTS (SELECT 1 FROM members WHERE store_id = $s)
                """;
            command.Parameters.AddWithValue("$s", storeId);
            return (long)command.ExecuteScalar()! == 1;
        }
    }
}
