using System.Collections.Concurrent;
using System.Threading.Channels;
using Edge.Agent.Bus;
using Edge.Contracts.Agent;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Members;

/// <summary>
/// Keeps beacon-gateway's key table in step with the member cache: after key changes (coalesced), rewrites the EMK1
/// file and publishes a retained <see cref="MemberKeysUpdate"/> naming the members revoked since the last one.
/// Revocations wake it at once, so the update is on the bus well within a second of the delta.
/// </summary>
internal sealed class MemberKeyPublisher(
    MemberStore store, BusPublisher publisher, IOptions<MembersOptions> options, AgentCounters counters, TimeProvider time, ILogger<MemberKeyPublisher> logger)
    : BackgroundService
{
    /// <summary>How long after a publish that did not reach the bus (not connected yet, broker restarting) it is tried again.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentQueue<string> _revoked = new();
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public void KeysChanged(string? revokedMemberId)
    {
        if (revokedMemberId is not null)
        {
            _revoked.Enqueue(revokedMemberId);
        }

        _wake.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var kek = KeyFiles.LoadOrCreate(options.Value.BeaconKeyEncryptionKeyFile);
        _wake.Writer.TryWrite(true); // write the table once at start, so beacon-gateway's file matches the cache
        while (await _wake.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
        {
            _wake.Reader.TryRead(out _);
            var revoked = new List<string>();
            while (_revoked.TryDequeue(out var id))
            {
                revoked.Add(id);
            }

            try
            {
                var keys = store.PresenceKeys();
                MemberKeyFile.Write(options.Value.BeaconKeyFile, kek, keys);
                var version = Interlocked.Increment(ref _version);
                var published = await publisher.PublishAsync(
                    AgentTopics.MemberKeys,
                    new MemberKeysUpdate(version, Path.GetFullPath(options.Value.BeaconKeyFile), keys.Count, revoked, time.GetUtcNow()),
                    AgentBusJsonContext.Default.MemberKeysUpdate,
                    retain: true,
                    stoppingToken).ConfigureAwait(false);
                if (!published)
                {
                    // Not on the bus (the first table at start can come before the connection; a broker restart): keep
                    // the revocations and try again, so beacon-gateway never misses one. Seen with the native binary,
                    // which starts faster than its MQTT connection.
                    foreach (var id in revoked)
                    {
                        _revoked.Enqueue(id);
                    }

                    await Task.Delay(RetryDelay, time, stoppingToken).ConfigureAwait(false);
                    _wake.Writer.TryWrite(true);
                    continue;
                }

                MembersLog.KeyTableWritten(logger, version, keys.Count, revoked.Count);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                counters.Increment("members.key_table_failed");
                MembersLog.KeyTableFailed(logger, options.Value.BeaconKeyFile, e);
            }
        }
    }
}
