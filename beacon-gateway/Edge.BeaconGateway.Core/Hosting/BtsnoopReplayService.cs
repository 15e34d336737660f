using Edge.BeaconGateway.Btsnoop;
using Edge.BeaconGateway.Diagnostics;
using Edge.BeaconGateway.Hci;
using Edge.BeaconGateway.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.BeaconGateway.Hosting;

/// <summary>Source "btsnoop": replays a capture's HCI events into the pipeline, at recorded pace or as fast as possible.</summary>
internal sealed class BtsnoopReplayService(
    BeaconGatewayPipeline pipeline,
    IOptions<BtsnoopOptions> options,
    TimeProvider time,
    ILogger<BtsnoopReplayService> logger) : BackgroundService
{
    /// <summary>Completes when the replay has finished (for tests and for the support CLI).</summary>
    public TaskCompletionSource<long> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = options.Value.ReplayPath;
        if (string.IsNullOrEmpty(path))
        {
            throw new InvalidOperationException("BeaconGateway:Source is btsnoop but BeaconGateway:Btsnoop:ReplayPath is not set.");
        }

        BtsnoopReader reader;
        try
        {
            reader = new BtsnoopReader(File.OpenRead(path), pipeline.Counters);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            GatewayLog.ReplayFailed(logger, ex, path);
            Finished.TrySetResult(0);
            return;
        }

        using (reader)
        {
            GatewayLog.ReplayStarted(logger, path, options.Value.RecordedSpeed ? "recorded speed" : "as fast as possible");
            long? firstRecorded = null;
            var started = time.GetUtcNow();
            while (!stoppingToken.IsCancellationRequested && reader.TryReadNext(out var record))
            {
                if (record.PacketType != HciPacketType.Event)
                {
                    continue;
                }

                var at = record.Timestamp;
                if (options.Value.RecordedSpeed)
                {
                    firstRecorded ??= record.TimestampMicroseconds;
                    var due = started + TimeSpan.FromMicroseconds(record.TimestampMicroseconds - firstRecorded.Value);
                    var wait = due - time.GetUtcNow();
                    if (wait > TimeSpan.Zero)
                    {
                        // The record buffer is reused by the reader: copy before awaiting.
                        var copy = record.Packet.ToArray();
                        await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                        pipeline.OnHciEvent(copy, due);
                        continue;
                    }

                    at = due;
                }

                pipeline.OnHciEvent(record.Packet, at);
            }

            GatewayLog.ReplayFinished(logger, path, reader.RecordsRead, pipeline.MemberAdverts, pipeline.StrangerAdverts);
            Finished.TrySetResult(reader.RecordsRead);
        }
    }
}
