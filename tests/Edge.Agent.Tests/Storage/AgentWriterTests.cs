using Edge.Agent.Storage;
using Edge.TestKit;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Tests.Storage;

public sealed class AgentWriterTests
{
    private static (AgentDatabase Db, AgentWriter Writer) Open(TempDirectory dir, int capacity = 16)
    {
        var db = new AgentDatabase(Options.Create(new StorageOptions { DatabasePath = dir.File("a.db") }), new HostingEnvironment { ContentRootPath = dir.Path });
        var writer = new AgentWriter(db, Options.Create(new StorageOptions { QueueCapacity = capacity, MaxBatch = 8 }), NullLogger<AgentWriter>.Instance);
        return (db, writer);
    }

    [Fact]
    public async Task WriteAsync_OneWriteInBatchThrows_OnlyThatWriteRolledBack()
    {
        using var dir = new TempDirectory();
        var (db, writer) = Open(dir);
        using (db)
        {
            await writer.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            var good1 = writer.WriteAsync(tx => tx.Execute("INSERT INTO pending_points(member_id, points) VALUES ('a', 1);"), CancellationToken.None);
            var bad = writer.WriteAsync(tx =>
            {
                tx.Execute("INSERT INTO pending_points(member_id, points) VALUES ('b', 1);");
                tx.Execute("INSERT INTO pending_points(member_id, points) VALUES ('a', 2);"); // primary key clash
            }, CancellationToken.None);
            var good2 = writer.WriteAsync(tx => tx.Execute("INSERT INTO pending_points(member_id, points) VALUES ('c', 3);"), CancellationToken.None);

            await good1.WaitAsync(TimeSpan.FromSeconds(10));
            await good2;
            await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => bad);
            Assert.Equal(2, db.Read(c => c.Long("SELECT count(*) FROM pending_points;")));
            Assert.Equal(0, db.Read(c => c.Long("SELECT count(*) FROM pending_points WHERE member_id = 'b';")));
            await writer.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public async Task StopAsync_WritesQueuedBeforeStop_AllCommittedThenNewWritesRefused()
    {
        using var dir = new TempDirectory();
        var (db, writer) = Open(dir, capacity: 1000);
        using (db)
        {
            // Queue before the loop even runs: stop must still drain them.
            var writes = Enumerable.Range(0, 500)
                .Select(i => writer.WriteAsync(tx => tx.Execute("INSERT INTO pending_points(member_id, points) VALUES ($1, $2);", "m" + i, i), CancellationToken.None))
                .ToArray();
            await writer.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            await writer.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

            await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(500, db.Read(c => c.Long("SELECT count(*) FROM pending_points;")));
            await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(tx => tx.Execute("DELETE FROM pending_points;"), CancellationToken.None));
            Assert.True(writer.Batches >= 500 / 8, $"batches {writer.Batches}");
        }
    }

    [Fact]
    public void Open_NewFile_WalAndLatestSchema()
    {
        using var dir = new TempDirectory();
        var (db, _) = Open(dir);
        using (db)
        {
            Assert.Equal("wal", db.Read(c => (string)c.Scalar("PRAGMA journal_mode;")!));
            Assert.Equal(AgentMigrations.All.Max(m => m.Version), Edge.Storage.SqliteDatabase.SchemaVersion(db.WriteConnection));
        }
    }
}
