using Edge.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Storage;

/// <summary>
/// The agent's SQLite file: opened and migrated once at start (WAL), one write connection owned by
/// <see cref="AgentWriter"/>, and short-lived pooled read-only connections for queries (WAL lets them read while the
/// writer writes).
/// </summary>
internal sealed class AgentDatabase : IDisposable
{
    private readonly string _readConnectionString;

    public AgentDatabase(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        var path = options.Value.DatabasePath;
        Path = System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(environment.ContentRootPath, path);
        WriteConnection = SqliteDatabase.Open(Path, SqliteDurability.Full, AgentMigrations.All);
        _readConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
    }

    public string Path { get; }

    /// <summary>Only <see cref="AgentWriter"/> uses this.</summary>
    internal SqliteConnection WriteConnection { get; }

    public T Read<T>(Func<SqliteConnection, T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var connection = new SqliteConnection(_readConnectionString);
        connection.Open();
        return query(connection);
    }

    public void Dispose()
    {
        WriteConnection.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
