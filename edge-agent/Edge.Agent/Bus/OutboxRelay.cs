using Edge.Agent.Storage;
using Edge.Contracts;
using Edge.Messaging;

namespace Edge.Agent.Bus;

/// <summary>
/// Publishes the agent's outbox rows in order at QoS 1 and marks them published after the broker's PUBACK. While
/// the broker is away they stay in SQLite (the hub's disk is the buffer, not the broker's session). A re-publish
/// after a crash between PUBACK and the mark is harmless: cloud-sync de-duplicates by message id.
/// </summary>
internal sealed class OutboxRelay(
    AgentDatabase database, AgentWriter writer, IMqttClient client, OutboxSignal signal, AgentCounters counters, TimeProvider time, ILogger<OutboxRelay> logger)
    : BackgroundService
{
    private const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), time);
        var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();

        // One wait on the signal at a time, kept across timer ticks: a second read started while the first is still
        // pending would let the next notification complete the abandoned one, and events would wait for the next tick.
        Task<bool>? wake = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var drained = await PublishPendingAsync(stoppingToken).ConfigureAwait(false);
            if (!drained)
            {
                continue;
            }

            wake ??= signal.WaitAsync(stoppingToken).AsTask();
            var done = await Task.WhenAny(wake, tick).ConfigureAwait(false);
            if (done == wake)
            {
                wake = null;
            }

            if (done == tick)
            {
                if (!await tick.ConfigureAwait(false))
                {
                    return;
                }

                tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
            }
        }
    }

    /// <summary>Publishes one batch; true when nothing more is pending (or the broker is away: wait for the next wake-up).</summary>
    private async Task<bool> PublishPendingAsync(CancellationToken cancellationToken)
    {
        var rows = database.Read(c =>
        {
            using var command = c.Command("SELECT id, stream, payload FROM outbox WHERE published = 0 ORDER BY id LIMIT $1;", Batch);
            using var reader = command.ExecuteReader();
            var list = new List<(long Id, string Stream, byte[] Payload)>();
            while (reader.Read())
            {
                list.Add((reader.GetInt64(0), reader.GetString(1), (byte[])reader[2]));
            }

            return list;
        });
        if (rows.Count == 0 || client.State != MqttConnectionState.Connected)
        {
            return true;
        }

        var published = new List<long>(rows.Count);
        try
        {
            foreach (var row in rows)
            {
                await client.PublishAsync(new MqttMessage(LocalTopics.OutboxFor(row.Stream), row.Payload)
                {
                    Qos = MqttQualityOfService.AtLeastOnce,
                    ContentType = "application/json",
                    PayloadIsUtf8 = true,
                }, cancellationToken).ConfigureAwait(false);
                published.Add(row.Id);
            }
        }
        catch (MqttException e)
        {
            BusLog.OutboxPublishFailed(logger, rows.Count - published.Count, e.Message);
        }

        if (published.Count > 0)
        {
            await writer.WriteAsync(tx =>
            {
                foreach (var id in published)
                {
                    tx.Execute("UPDATE outbox SET published = 1 WHERE id = $1;", id);
                }
            }, cancellationToken).ConfigureAwait(false);
            counters.Increment("outbox.published", published.Count);
        }

        return published.Count < Batch;
    }
}
