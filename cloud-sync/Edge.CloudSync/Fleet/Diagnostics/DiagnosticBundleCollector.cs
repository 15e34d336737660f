using Edge.CloudSync.Connection;
using Edge.CloudSync.Downstream;
using Edge.CloudSync.Outbox;
using Edge.CloudSync.Upstream;
using Edge.Hosting;
using Microsoft.Extensions.Configuration;

namespace Edge.CloudSync.Fleet.Diagnostics;

/// <summary>
/// Collects a <see cref="DiagnosticBundle"/> from what cloud-sync already knows. Called on the fleet node's loop.
/// The configuration part is cloud-sync's effective <c>Edge:*</c> and <c>CloudSync:*</c> keys; values of keys that name
/// a secret (password, token, secret, key, pin, credential) are replaced by "(redacted)".
/// </summary>
internal sealed class DiagnosticBundleCollector(
    LocalFleetInputs inputs,
    OutboxStore outbox,
    InboxReader inbox,
    UpstreamCounters up,
    DownstreamCounters down,
    LogLevelCounter logs,
    ConfigurationVersion configurationVersion,
    IConfiguration configuration,
    CloudBus cloud,
    EdgeServiceInfo service)
{
    public const int MaxDeadLetters = 50;
    public const string Redacted = "(redacted)";
    private static readonly string[] SecretWords = ["password", "token", "secret", "key", "pin", "credential"];

    public DiagnosticBundle Collect(string bundleId, DateTimeOffset generatedAt, long bdSeq, double cpuPercent, IReadOnlyDictionary<string, long> nodeCounters)
    {
        var stats = outbox.Stats();
        var counters = new SortedDictionary<string, long>(StringComparer.Ordinal)
        {
            ["upstream.received"] = up.Received,
            ["upstream.published"] = up.PublishedMessages,
            ["upstream.expired"] = up.Expired,
            ["downstream.applied"] = down.Applied,
            ["downstream.duplicates"] = down.Duplicates,
            ["downstream.commands"] = down.Commands,
            ["inbox.read-failures"] = inbox.Failures,
        };
        foreach (var (code, n) in up.Refused)
        {
            counters["upstream.refused." + code] = n;
        }

        foreach (var (code, n) in down.Rejected)
        {
            counters["downstream.rejected." + code] = n;
        }

        foreach (var (name, n) in nodeCounters)
        {
            counters["fleet." + name] = n;
        }

        return new DiagnosticBundle(
            bundleId,
            cloud.Cloud.StoreId,
            cloud.Cloud.HubId,
            generatedAt,
            service.Version,
            inputs.ModelVersion,
            inputs.ShadowModelVersion,
            configurationVersion.Current(),
            bdSeq,
            cloud.Link?.IsConnected == true,
            up.LastAck,
            cloud.Cloud.CertificateNotAfter(),
            Finite(cpuPercent),
            Finite(SystemStats.MemoryPercent()),
            Finite(SystemStats.DiskUsedPercent(configurationVersion.Directory)),
            stats.Bytes,
            stats.QuotaBytes,
            stats.OverQuotaWithProtectedOnly,
            [.. stats.Streams.Select(s => new StreamDiagnostics(s.Stream, s.Depth, s.OldestCreatedAt, s.AckedSequence, s.NextSequence, s.Dropped, outbox.PolicyOf(s.Stream).ToString()))],
            inbox.Marks(),
            [.. inbox.RecentDeadLetters(MaxDeadLetters).Select(d => new DeadLetterDiagnostics(d.ReceivedAt, d.Topic, d.Reason.Length > 300 ? d.Reason[..300] : d.Reason))],
            counters,
            new SortedDictionary<string, string>(inputs.Services.ToDictionary(), StringComparer.Ordinal),
            new SortedDictionary<string, string>(inputs.Devices.ToDictionary(), StringComparer.Ordinal),
            inputs.MembersPresent,
            RedactedConfiguration(configuration),
            [.. logs.Snapshot().Take(50).Select(l => new LogEventCount(l.Level.ToString(), l.EventId, l.Name, l.Count))]);
    }

    /// <summary>cloud-sync's effective Edge:* and CloudSync:* keys, secrets redacted.</summary>
    public static IReadOnlyDictionary<string, string?> RedactedConfiguration(IConfiguration configuration)
    {
        var result = new SortedDictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (value is null || !(key.StartsWith("Edge:", StringComparison.OrdinalIgnoreCase) || key.StartsWith("CloudSync:", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var last = key[(key.LastIndexOf(':') + 1)..];
            result[key] = SecretWords.Any(w => last.Contains(w, StringComparison.OrdinalIgnoreCase)) ? Redacted : value;
        }

        return result;
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
