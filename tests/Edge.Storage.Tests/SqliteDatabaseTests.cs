using Edge.TestKit;
using Microsoft.Data.Sqlite;

namespace Edge.Storage.Tests;

public sealed class SqliteDatabaseTests
{
    private static readonly Migration[] Steps =
    [
        new(1, "items", "CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT NOT NULL);"),
        new(2, "items.price", "ALTER TABLE items ADD COLUMN price INTEGER NOT NULL DEFAULT 0;"),
    ];

    [Fact]
    public void Open_NewFile_UsesWalAndReachesLatestVersion()
    {
        using var dir = new TempDirectory();

        using var db = SqliteDatabase.Open(dir.File("sub/state.db"), SqliteDurability.Full, Steps);

        Assert.Equal(2, SqliteDatabase.SchemaVersion(db));
        Assert.Equal("wal", Scalar(db, "PRAGMA journal_mode;"));
        Assert.Equal(2L, Scalar(db, "PRAGMA synchronous;")); // FULL
        Assert.Equal(0L, Scalar(db, "SELECT count(*) FROM items;"));
    }

    [Fact]
    public void Open_ExistingOlderFile_RunsOnlyTheNewSteps()
    {
        using var dir = new TempDirectory();
        using (var v1 = SqliteDatabase.Open(dir.File("state.db"), SqliteDurability.Normal, Steps[..1]))
        {
            Exec(v1, "INSERT INTO items(name) VALUES ('kept');");
        }

        using var v2 = SqliteDatabase.Open(dir.File("state.db"), SqliteDurability.Normal, Steps);

        Assert.Equal(2, SqliteDatabase.SchemaVersion(v2));
        Assert.Equal("kept", Scalar(v2, "SELECT name FROM items WHERE price = 0;"));
    }

    [Fact]
    public void Open_FileFromNewerRelease_ThrowsNamingBothVersions()
    {
        using var dir = new TempDirectory();
        SqliteDatabase.Open(dir.File("state.db"), SqliteDurability.Normal, Steps).Dispose();

        var ex = Assert.Throws<InvalidOperationException>(() => SqliteDatabase.Open(dir.File("state.db"), SqliteDurability.Normal, Steps[..1]));

        Assert.Contains("schema version 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("(1)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FailingStep_LeavesPreviousVersionIntact()
    {
        using var dir = new TempDirectory();
        Migration[] broken = [Steps[0], new(2, "broken", "ALTER TABLE items ADD COLUMN x INTEGER; THIS IS NOT SQL;")];

        Assert.Throws<SqliteException>(() => SqliteDatabase.Open(dir.File("state.db"), SqliteDurability.Normal, broken));
        using var db = SqliteDatabase.Open(dir.File("state.db"), SqliteDurability.Normal, Steps[..1]);

        Assert.Equal(1, SqliteDatabase.SchemaVersion(db));
        Assert.Equal(0L, Scalar(db, "SELECT count(*) FROM pragma_table_info('items') WHERE name = 'x';"));
    }

    private static object? Scalar(SqliteConnection db, string sql)
    {
        using var c = db.CreateCommand();
        c.CommandText = sql;
        return c.ExecuteScalar();
    }

    private static void Exec(SqliteConnection db, string sql)
    {
        using var c = db.CreateCommand();
        c.CommandText = sql;
        c.ExecuteNonQuery();
    }
}
