using Edge.Kiosk.Hosting;
using Edge.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Edge.Kiosk.Storage;

/// <summary>
/// The kiosk's one SQLite file: proof of play and reviews that wait for the bus or edge-agent. One connection behind
/// a lock: writes are a few per minute, so there is nothing to gain from a pool. Full durability: a record the
/// kiosk has accepted survives a power cut.
/// </summary>
internal sealed class KioskDatabase : IDisposable
{
    private static readonly Migration[] Migrations =
    [
        new(1, "proof of play and queued reviews", """
            CREATE TABLE proof_of_play (
              seq        INTEGER PRIMARY KEY AUTOINCREMENT,
              play_id    TEXT NOT NULL UNIQUE,
              item_id    TEXT NOT NULL,
              started_at TEXT NOT NULL,
              ended_at   TEXT NOT NULL);
            CREATE TABLE review_queue (
              seq        INTEGER PRIMARY KEY AUTOINCREMENT,
              session_id TEXT NOT NULL,
              product_id TEXT NOT NULL,
              rating     INTEGER NOT NULL,
              text       TEXT NOT NULL,
              queued_at  TEXT NOT NULL);
            """),
    ];

    private readonly SqliteConnection _connection;

    public KioskDatabase(IOptions<KioskOptions> options)
        : this(options.Value.DatabasePath)
    {
    }

    public KioskDatabase(string path)
    {
        _connection = SqliteDatabase.Open(path, SqliteDurability.Full, Migrations);
    }

    public object Gate { get; } = new();

    /// <summary>A command on the shared connection; callers hold <see cref="Gate"/> while they use it.</summary>
    public SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    public void Dispose() => _connection.Dispose();
}
