namespace Edge.CloudSync.Fleet.Diagnostics;

/// <summary>
/// What a diagnostic bundle holds (the body of a hub.diagnostic-bundle event, stream "diagnostics"): versions, link,
/// system, outbox per stream, inbox marks, dead letters with reasons, counters, service and device states, cloud-sync's
/// effective configuration with secrets redacted, and warning/error counts. No personal data: no member ids, names,
/// keys, PINs, message ids (a member-delta's id may name the member) or payloads; members present is a count.
/// Percentages are null where the hub could not read them.
/// </summary>
internal sealed record DiagnosticBundle(
    string BundleId,
    string StoreId,
    string HubId,
    DateTimeOffset GeneratedAt,
    string AppVersion,
    string? ModelVersion,
    string? ShadowModelVersion,
    string ConfigurationVersion,
    long BdSeq,
    bool CloudConnected,
    DateTimeOffset? LastAck,
    DateTimeOffset? CertificateNotAfter,
    double? CpuPercent,
    double? MemoryPercent,
    double? DiskUsedPercent,
    long OutboxBytes,
    long OutboxQuotaBytes,
    bool OutboxOverQuotaWithProtectedOnly,
    IReadOnlyList<StreamDiagnostics> Outbox,
    IReadOnlyDictionary<string, long> InboxMarks,
    IReadOnlyList<DeadLetterDiagnostics> RecentDeadLetters,
    IReadOnlyDictionary<string, long> Counters,
    IReadOnlyDictionary<string, string> Services,
    IReadOnlyDictionary<string, string> Devices,
    int MembersPresent,
    IReadOnlyDictionary<string, string?> Configuration,
    IReadOnlyList<LogEventCount> WarningsAndErrors);
