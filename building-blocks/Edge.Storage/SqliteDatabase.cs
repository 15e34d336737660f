using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Edge.Storage;

/// <summary>
/// Opens a service's SQLite file the way every Store Edge database is opened: WAL journal (readers never block
/// the one writer), foreign keys on, a busy timeout, the chosen durability, and the schema migrated to the
/// latest version inside one transaction per step (a crash mid-migration leaves the previous version intact).
/// </summary>
public static class SqliteDatabase
{
    public static SqliteConnection Open(string path, SqliteDurability durability, IReadOnlyList<Migration> migrations)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(migrations);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL;");
            Execute(connection, "PRAGMA foreign_keys=ON;");
            Execute(connection, "PRAGMA busy_timeout=5000;");
            Execute(connection, durability == SqliteDurability.Full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;");
            Migrate(connection, migrations);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static int SchemaVersion(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Migrate(SqliteConnection connection, IReadOnlyList<Migration> migrations)
    {
        var current = SchemaVersion(connection);
        var latest = migrations.Count == 0 ? 0 : migrations.Max(m => m.Version);
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"{connection.DataSource} has schema version {current}, newer than this build knows ({latest}): a newer release wrote it. Install that release again or restore a backup.");
        }

        foreach (var migration in migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = migration.Sql;
                command.ExecuteNonQuery();
            }

            using (var version = connection.CreateCommand())
            {
                version.Transaction = transaction;
                // PRAGMA takes no parameters; the version is an int we own, not input.
                version.CommandText = "PRAGMA user_version=" + migration.Version.ToString(CultureInfo.InvariantCulture) + ";";
                version.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
