using Edge.BeaconGateway.Hci;
using Microsoft.Extensions.Logging;

namespace Edge.BeaconGateway.Diagnostics;

/// <summary>beacon-gateway's log events, ids 4000-4099. No template ever carries a device address or payload.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(4000, LogLevel.Information, "Member ID table built for window {Window}: {Members} members in {ElapsedMs:F0} ms")]
    public static partial void TableSwapped(ILogger logger, long window, int members, double elapsedMs);

    [LoggerMessage(4001, LogLevel.Warning, "Rejected {Count} inputs in the last interval: {Reason}")]
    public static partial void Rejected(ILogger logger, long count, MalformedReason reason);

    [LoggerMessage(4002, LogLevel.Information, "Loaded {Count} member keys from {Source}")]
    public static partial void KeysLoaded(ILogger logger, int count, string source);

    [LoggerMessage(4003, LogLevel.Error, "Could not load member keys from {Source}; no member will be recognised until they load")]
    public static partial void KeysFailed(ILogger logger, Exception exception, string source);

    [LoggerMessage(4004, LogLevel.Warning, "Publishing to {Topic} failed; the event is dropped (presence is perishable)")]
    public static partial void PublishFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(4005, LogLevel.Information, "Replaying btsnoop capture {Path} ({Mode})")]
    public static partial void ReplayStarted(ILogger logger, string path, string mode);

    [LoggerMessage(4006, LogLevel.Information, "Replay of {Path} finished: {Records} records, {Members} member adverts, {Strangers} stranger adverts dropped")]
    public static partial void ReplayFinished(ILogger logger, string path, long records, long members, long strangers);

    [LoggerMessage(4007, LogLevel.Warning, "Subscribing to remote receivers failed; retrying in {Delay}")]
    public static partial void SubscribeFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(4008, LogLevel.Information, "Simulator running: {Members} members, {Strangers} strangers, {Zones} zones, seed {Seed}")]
    public static partial void SimulatorStarted(ILogger logger, int members, int strangers, int zones, int seed);

    [LoggerMessage(4009, LogLevel.Information, "No MQTT client is registered: presence events are not published")]
    public static partial void NoMqttClient(ILogger logger);

    [LoggerMessage(4010, LogLevel.Error, "The btsnoop capture {Path} cannot be opened")]
    public static partial void ReplayFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(4011, LogLevel.Information, "Scanning on hci{Device} ({Channel} channel)")]
    public static partial void HciScanning(ILogger logger, ushort device, string channel);

    [LoggerMessage(4012, LogLevel.Warning, "The link to hci{Device} closed (adapter removed or powered off); reopening")]
    public static partial void HciLinkClosed(ILogger logger, ushort device);

    [LoggerMessage(4013, LogLevel.Error, "hci{Device} is not scanning (failure {Failures} in a row): {Reason}")]
    public static partial void HciFailed(ILogger logger, ushort device, int failures, string reason);

    [LoggerMessage(4020, LogLevel.Error, "Motion sensors are not read: {Reason}")]
    public static partial void MotionUnavailable(ILogger logger, string reason);

    [LoggerMessage(4030, LogLevel.Warning, "Member key update not applied: {Reason}")]
    public static partial void KeysUpdateRejected(ILogger logger, string reason);
}
