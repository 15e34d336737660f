using Edge.ReferenceCloud.Storage;

namespace Edge.ReferenceCloud.Claims;

/// <summary>The claim codes HQ expects (store IT reads them off the hub and enters them at HQ) and the hubs claimed.</summary>
internal sealed class ClaimBook(CloudDatabase database, TimeProvider time)
{
    public void Expect(string storeId, string code, TimeSpan validFor)
    {
        lock (database.Gate)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = "INSERT OR REPLACE INTO expected_claims (store_id, code, expires_at, used_by_hub) VALUES ($s, $c, $e, NULL)";
            command.Parameters.AddWithValue("$s", storeId);
            command.Parameters.AddWithValue("$c", code);
            command.Parameters.AddWithValue("$e", (time.GetUtcNow() + validFor).ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Null when the code can be used by this hub (again, for the same hub: claims are idempotent); else why not.</summary>
    public ClaimCheck Check(string storeId, string hubId, string code)
    {
        lock (database.Gate)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = "SELECT expires_at, used_by_hub FROM expected_claims WHERE store_id = $s AND code = $c";
            command.Parameters.AddWithValue("$s", storeId);
            command.Parameters.AddWithValue("$c", code);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return ClaimCheck.Unknown;
            }

            var usedBy = reader.IsDBNull(1) ? null : reader.GetString(1);
            if (usedBy is not null)
            {
                return usedBy == hubId ? ClaimCheck.Valid : ClaimCheck.UsedByAnotherHub;
            }

            return DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)) <= time.GetUtcNow() ? ClaimCheck.Expired : ClaimCheck.Valid;
        }
    }

    public void Record(string storeId, string hubId, string code, string certificatePem)
    {
        lock (database.Gate)
        {
            using var transaction = database.Connection.BeginTransaction();
            using var used = database.Connection.CreateCommand();
            used.CommandText = "UPDATE expected_claims SET used_by_hub = $h WHERE store_id = $s AND code = $c";
            used.Parameters.AddWithValue("$h", hubId);
            used.Parameters.AddWithValue("$s", storeId);
            used.Parameters.AddWithValue("$c", code);
            used.ExecuteNonQuery();
            using var hub = database.Connection.CreateCommand();
            hub.CommandText = "INSERT OR REPLACE INTO hubs (store_id, hub_id, certificate_pem, claimed_at) VALUES ($s, $h, $p, $t)";
            hub.Parameters.AddWithValue("$s", storeId);
            hub.Parameters.AddWithValue("$h", hubId);
            hub.Parameters.AddWithValue("$p", certificatePem);
            hub.Parameters.AddWithValue("$t", time.GetUtcNow().ToUnixTimeMilliseconds());
            hub.ExecuteNonQuery();
            transaction.Commit();
        }
    }
}
