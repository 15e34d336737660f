using Microsoft.Extensions.Logging;

namespace Edge.Messaging.Diagnostics;

/// <summary>Edge.Messaging log events, ids 7000-7099.</summary>
internal static partial class MessagingLog
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "MQTT client {ClientId} connected to {Endpoint} (session present: {SessionPresent})")]
    public static partial void Connected(ILogger logger, string clientId, string endpoint, bool sessionPresent);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "MQTT client {ClientId} lost its connection to {Endpoint}: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string clientId, string endpoint, string reason);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "MQTT client {ClientId} reconnects to {Endpoint} in {Delay} (attempt {Attempt})")]
    public static partial void ReconnectScheduled(ILogger logger, string clientId, string endpoint, TimeSpan delay, int attempt);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "MQTT client {ClientId} could not reconnect to {Endpoint}: {Reason}")]
    public static partial void ReconnectFailed(ILogger logger, string clientId, string endpoint, string reason);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Error, Message = "The broker at {Endpoint} refused MQTT client {ClientId}: {Reason}")]
    public static partial void ConnectionRefused(ILogger logger, string clientId, string endpoint, string reason);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "MQTT client {ClientId} restores {Count} subscriptions on {Endpoint}")]
    public static partial void RestoringSubscriptions(ILogger logger, string clientId, string endpoint, int count);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Warning, Message = "MQTT client {ClientId} could not restore the subscription {Filter}: {Reason}")]
    public static partial void RestoreFailed(ILogger logger, string clientId, string filter, string reason);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Warning, Message = "MQTT client {ClientId} dropped an inbound message on {Topic}: the message channel is full ({Dropped} dropped so far)")]
    public static partial void InboundDropped(ILogger logger, string clientId, string topic, long dropped);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Error, Message = "Unexpected error in the libmosquitto {Callback} callback of MQTT client {ClientId}")]
    public static partial void CallbackFailed(ILogger logger, Exception exception, string callback, string clientId);

    [LoggerMessage(EventId = 7009, Level = LogLevel.Debug, Message = "libmosquitto ({ClientId}): {Text}")]
    public static partial void LibraryLog(ILogger logger, string clientId, string text);

    [LoggerMessage(EventId = 7010, Level = LogLevel.Error, Message = "A StateChanged handler of MQTT client {ClientId} threw")]
    public static partial void StateHandlerFailed(ILogger logger, Exception exception, string clientId);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Warning, Message = "MQTT client {ClientId}: the network thread did not stop within {Timeout}; the native handle is released when it does")]
    public static partial void LoopStopTimeout(ILogger logger, string clientId, TimeSpan timeout);

    [LoggerMessage(EventId = 7012, Level = LogLevel.Debug, Message = "MQTT client {ClientId}: a response on {Topic} matched no pending request (late or duplicate)")]
    public static partial void UnmatchedResponse(ILogger logger, string clientId, string topic);

    [LoggerMessage(EventId = 7013, Level = LogLevel.Information, Message = "MQTT client {ClientId} disconnected from {Endpoint}")]
    public static partial void Disconnected(ILogger logger, string clientId, string endpoint);

    [LoggerMessage(EventId = 7014, Level = LogLevel.Warning, Message = "MQTT client {ClientId}: CleanStart is false but SessionExpiry is zero, so the broker ends the session with the connection (MQTT 5 spec 3.1.2.11.2)")]
    public static partial void SessionWithoutExpiry(ILogger logger, string clientId);

    [LoggerMessage(EventId = 7015, Level = LogLevel.Warning, Message = "Cannot publish state {State} on {Topic}: {Reason}")]
    public static partial void PresenceNotPublished(ILogger logger, string topic, string state, string reason);

    [LoggerMessage(EventId = 7090, Level = LogLevel.Warning, Message = "Cannot connect to {Endpoint}: {Reason}; retrying in the background")]
    public static partial void ConnectAttemptFailed(ILogger logger, string endpoint, string reason);
}
