using Microsoft.Data.Sqlite;

namespace Edge.Provisioning.Doctor;

/// <summary>
/// How much cloud-sync still has to send (its SQLite outbox, table <c>outbox</c> with <c>created_at</c> in unix ms).
/// Read-only: doctor never takes a write lock on a live service's database. Old messages mean the cloud has not
/// acknowledged for a while: WARN after an hour, FAIL after a day.
/// </summary>
internal sealed class OutboxBacklogCheck(string? database, TimeProvider time) : IDoctorCheck
{
    public string Name => "outbox backlog";

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        if (database is null || !File.Exists(database))
        {
            return CheckResult.Skip(Name, database is null ? "no outbox database configured" : $"no outbox database at {database}");
        }

        try
        {
            var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*), MIN(created_at) FROM outbox";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var count = reader.GetInt64(0);
            if (count == 0)
            {
                return CheckResult.Ok(Name, "empty: everything reached the cloud");
            }

            var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
            var detail = $"{count} message(s) waiting, oldest {Describe(age)} old";
            return age > TimeSpan.FromDays(1) ? CheckResult.Fail(Name, detail, "the cloud has not acknowledged for over a day: check cloud reachability and the certificate")
                : age > TimeSpan.FromHours(1) ? CheckResult.Warn(Name, detail, "check cloud reachability; nothing is lost, it is sent when the link returns")
                : CheckResult.Ok(Name, detail);
        }
        catch (SqliteException ex)
        {
            return CheckResult.Fail(Name, $"{database}: {ex.Message}", "is this cloud-sync's outbox? `systemctl status cloud-sync`");
        }
    }

    private static string Describe(TimeSpan age) =>
        age.TotalDays >= 1 ? $"{age.TotalDays:0} d" : age.TotalHours >= 1 ? $"{age.TotalHours:0} h" : $"{Math.Max(0, age.TotalMinutes):0} min";
}
