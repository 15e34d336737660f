using System.Globalization;
using Edge.CloudSync.Tests.Fixtures;
using Edge.TestKit;
using Microsoft.Data.Sqlite;

namespace Edge.CloudSync.Tests.Upstream;

/// <summary>The real cloud-sync binary as a process, killed with SIGKILL while draining, then restarted.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    // The figure: 100 k events (2 streams x 50 k).
    private const int PerStream = 50_000;
    private readonly TempDirectory _dir = new("cloud-sync-kill");
    private readonly CloudPki _pki = new();

    [RequiresMosquittoFact]
    public async Task Drain_ServiceKilledWithSigkillWhileDraining_CloudGetsEveryEventOnceInEffectAndInOrder()
    {
        // mosquitto queues at most 1000 messages per slow subscriber by default (deploy/mosquitto/store-edge.conf too) and
        // drops the rest; 100 k events published in a burst would overflow it while cloud-sync commits, so raise it here.
        await using var local = await MosquittoBroker.StartAsync(["max_queued_messages 200000"]);
        var cloudPort = FreePort.Next();
        await using var cloud = await MosquittoBroker.StartAsync(_pki.ListenerConfig(cloudPort), listenerOnDefaultPort: false);
        await using var consumer = await CloudConsumer.StartAsync(_pki, cloudPort);
        var db = _dir.File("outbox.db");
        var env = new Dictionary<string, string?>
        {
            ["EDGE_CONFIG_DIR"] = _dir.Path,
            ["Edge__Store__StoreId"] = "store-1",
            ["Edge__Store__HubId"] = "hub-1",
            ["Edge__Broker__Host"] = local.Host,
            ["Edge__Broker__Port"] = local.Port.ToString(CultureInfo.InvariantCulture),
            ["CloudSync__IdentityFile"] = _pki.WriteCloudJson("store-1", "hub-1", "eu", cloudPort),
            ["CloudSync__Outbox__DatabasePath"] = db,
            ["CloudSync__Upstream__MaxBatchMessages"] = "100",
            ["CloudSync__Upstream__MaxInflightBatches"] = "4",
            ["CloudSync__ReconnectInitialDelay"] = "00:00:00.200",
            ["DOTNET_NOLOGO"] = "1",
        };
        var binary = ServiceProcess.BinaryPath("cloud-sync/Edge.CloudSync", "cloud-sync.dll");

        // The cloud is unreachable while the backlog builds, so the kill lands in the middle of a drain.
        await cloud.StopAsync();
        var first = ServiceProcess.Start(binary, env);
        await using (first)
        {
            await using var producer = await LocalProducer.StartAsync(local);

            // A first-ever start has no session on the local broker until it subscribed: re-send one probe (same id,
            // so it is stored once) until it is in the outbox file.
            await UpstreamEndToEndTests.WaitUntilAsync(
                () =>
                {
                    producer.PublishAsync("probe", "probe-0").Wait();
                    return Pending(db, "probe") == 1;
                },
                "cloud-sync subscribed to the local bus");
            await producer.PublishManyAsync(["a", "b"], PerStream);
            await UpstreamEndToEndTests.WaitUntilAsync(() => Pending(db, "a") + Pending(db, "b") == 2 * PerStream, $"{2 * PerStream} events committed to the outbox file", TimeSpan.FromSeconds(180));
            await cloud.StartAsync();
            await consumer.WaitForDistinctAsync(PerStream / 2, TimeSpan.FromSeconds(120));
            Signals.Send(first.Id, Signals.SigKill);
            await first.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        var before = consumer.Firsts.Count;
        Assert.InRange(before, 1, (2 * PerStream) - 1);
        var second = ServiceProcess.Start(binary, env);
        await using (second)
        {
            await consumer.WaitForDistinctAsync((2 * PerStream) + 1, TimeSpan.FromSeconds(180));
            UpstreamEndToEndTests.AssertInOrderPerStream(consumer.Firsts, ["a", "b"], PerStream);
            await UpstreamEndToEndTests.WaitUntilAsync(() => Pending(db, "a") + Pending(db, "b") + Pending(db, "probe") == 0, "outbox empty");
            await second.TerminateAsync(TimeSpan.FromSeconds(10));
        }
    }

    private static long Pending(string db, string stream)
    {
        if (!File.Exists(db))
        {
            return -1;
        }

        try
        {
            using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM outbox WHERE stream = $s;";
            cmd.Parameters.AddWithValue("$s", stream);
            return (long)cmd.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return -1; // not created yet
        }
    }

    public void Dispose()
    {
        _pki.Dispose();
        _dir.Dispose();
    }
}
