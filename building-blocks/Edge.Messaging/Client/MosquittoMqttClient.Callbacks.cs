using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Edge.Messaging.Diagnostics;
using Edge.Messaging.Native;

namespace Edge.Messaging.Client;

/// <summary>
/// libmosquitto callbacks. They run on the network thread inside mosquitto_loop: each one catches everything (an
/// exception crossing into native code would abort the process), copies what it needs out of native memory before
/// returning, and never blocks.
/// </summary>
internal sealed partial class MosquittoMqttClient
{
    private const int MqttSubackFailure = 0x80;

    private static MosquittoMqttClient? From(IntPtr userdata) =>
        userdata == IntPtr.Zero ? null : GCHandle.FromIntPtr(userdata).Target as MosquittoMqttClient;

    [UnmanagedCallersOnly]
    private static void OnConnectNative(IntPtr mosq, IntPtr userdata, int rc, int flags, IntPtr properties)
    {
        var self = From(userdata);
        try
        {
            self?.OnConnect(rc, flags, properties);
        }
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            self?.ReportCallbackFailure(e, "connect");
        }
    }

    [UnmanagedCallersOnly]
    private static void OnDisconnectNative(IntPtr mosq, IntPtr userdata, int rc, IntPtr properties)
    {
        var self = From(userdata);
        try
        {
            self?.OnDisconnect(rc, properties);
        }
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            self?.ReportCallbackFailure(e, "disconnect");
        }
    }

    [UnmanagedCallersOnly]
    private static void OnPublishNative(IntPtr mosq, IntPtr userdata, int mid, int reasonCode, IntPtr properties)
    {
        var self = From(userdata);
        try
        {
            self?.CompleteAck(mid, [reasonCode], properties);
        }
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            self?.ReportCallbackFailure(e, "publish");
        }
    }

    [UnmanagedCallersOnly]
    private static unsafe void OnSubscribeNative(IntPtr mosq, IntPtr userdata, int mid, int count, int* granted, IntPtr properties)
    {
        var self = From(userdata);
        try
        {
            var codes = granted == null || count <= 0 ? [] : new ReadOnlySpan<int>(granted, count).ToArray();
            self?.CompleteAck(mid, codes, properties);
        }
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            self?.ReportCallbackFailure(e, "subscribe");
        }
    }

    [UnmanagedCallersOnly]
    private static void OnUnsubscribeNative(IntPtr mosq, IntPtr userdata, int mid, IntPtr properties)
    {
        var self = From(userdata);
        try
        {
            self?.CompleteAck(mid, [0], properties);
        }
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            self?.ReportCallbackFailure(e, "unsubscribe");
        }
    }

    [UnmanagedCallersOnly]
    private static unsafe void OnMessageNative(IntPtr mosq, IntPtr userdata, MosquittoMessage* message, IntPtr properties)
    {
        var self = From(userdata);
        try
        {
            if (self is not null && message != null)
            {
                self.OnMessage(message, properties);
            }
        }
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            self?.ReportCallbackFailure(e, "message");
        }
    }

    [UnmanagedCallersOnly]
    private static void OnLogNative(IntPtr mosq, IntPtr userdata, int level, IntPtr text)
    {
        var self = From(userdata);
        try
        {
            self?.OnLog(level, Marshal.PtrToStringUTF8(text) ?? string.Empty);
        }
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            self?.ReportCallbackFailure(e, "log");
        }
    }

    private void OnConnect(int rc, int flags, IntPtr properties)
    {
        var run = Volatile.Read(ref _run);
        if (rc != 0)
        {
            // MQTT 5 CONNACK reason codes are >= 0x80; MQTT 3.1.1 return codes are 1-5.
            var reason = _options.ProtocolVersion == MqttProtocolVersion.V500 ? MosquittoRuntime.ReasonText(rc) : MosquittoRuntime.ConnackText(rc);
            if (NativeProperties.ReasonString(properties) is { } reasonString)
            {
                reason += $": {reasonString}";
            }

            MessagingLog.ConnectionRefused(_logger, ClientId, _endpointText, reason);
            run?.FirstConnect.TrySetException(new MqttException(
                $"The broker at {_endpointText} refused the connection of client '{ClientId}': {reason}", _endpointText, LibMosquitto.ErrConnRefused, rc));
            return;
        }

        if (run is not null)
        {
            run.Attempt = 0;
        }

        // Spec 3.2.2.1.1: session present = bit 0 of the CONNACK flags. Without a session the broker forgot our
        // subscriptions, so send them again (from this thread: libmosquitto queues them and writes them in this loop).
        var sessionPresent = (flags & 1) != 0;
        if (!sessionPresent)
        {
            RestoreSubscriptions();
        }

        // Sending opens after this loop pass, once libmosquitto has queued its resends (see Ordering).
        _openAfterLoop = true;
        MessagingLog.Connected(_logger, ClientId, _endpointText, sessionPresent);
        SetState(MqttConnectionState.Connected, sessionPresent ? "session present" : null);
        _connected.TrySetResult();
        run?.FirstConnect.TrySetResult();
    }

    private void OnDisconnect(int rc, IntPtr properties)
    {
        if (rc == 0)
        {
            // Our own DISCONNECT: the loop ends, DisconnectAsync/DisposeAsync set the state.
            return;
        }

        var reason = MosquittoRuntime.ErrorText(rc, 0) + LibraryErrorSuffix();
        if (NativeProperties.ReasonString(properties) is { } reasonString)
        {
            reason += $": {reasonString}";
        }

        OnConnectionGone(reason);
    }

    /// <summary>Called on the network thread when the connection is gone (callback or loop error); idempotent.</summary>
    private void OnConnectionGone(string reason)
    {
        if (State != MqttConnectionState.Connected)
        {
            return;
        }

        // Replace the "connected" signal before the state changes, so a waiter that sees the new state also sees
        // an incomplete signal.
        Interlocked.Exchange(ref _connected, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        MessagingLog.ConnectionLost(_logger, ClientId, _endpointText, reason);
        CloseSending();
        SetState(MqttConnectionState.Reconnecting, reason);
        FailUnrecoverablePending(reason);
    }

    /// <summary>
    /// On connection loss libmosquitto drops QoS 0 packets not yet written and never resends SUBSCRIBE or UNSUBSCRIBE,
    /// so those waiters would wait forever. QoS 1/2 publishes stay: libmosquitto resends them after the reconnect.
    /// </summary>
    private void FailUnrecoverablePending(string reason)
    {
        List<PendingAck> failed = [];
        lock (_gate)
        {
            foreach (var (mid, pending) in _pending)
            {
                if (pending.Kind != PendingAckKind.Publish || pending.Qos == 0)
                {
                    failed.Add(pending);
                    _pending.Remove(mid);
                }
            }
        }

        foreach (var pending in failed)
        {
            pending.Completion.TrySetException(new MqttException(
                $"The connection to {_endpointText} was lost before the broker acknowledged {pending.Kind.ToString().ToUpperInvariant()} on '{pending.Subject}': {reason}",
                _endpointText,
                LibMosquitto.ErrConnLost));
        }
    }

    private void CompleteAck(int mid, int[] codes, IntPtr properties)
    {
        PendingAck? pending;
        lock (_gate)
        {
            _pending.Remove(mid, out pending);
        }

        if (pending is null)
        {
            // Acks of restored subscriptions (nobody waits) or of a cancelled operation.
            foreach (var code in codes)
            {
                if (code >= MqttSubackFailure)
                {
                    MessagingLog.RestoreFailed(_logger, ClientId, "(packet " + mid.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")", MosquittoRuntime.ReasonText(code));
                }
            }

            return;
        }

        pending.Completion.TrySetResult(new AckResult(codes, NativeProperties.ReasonString(properties)));
    }

    private unsafe void OnMessage(MosquittoMessage* native, IntPtr properties)
    {
        var topic = Marshal.PtrToStringUTF8(native->Topic) ?? string.Empty;
        var payload = native->PayloadLength > 0 && native->Payload != IntPtr.Zero
            ? new ReadOnlySpan<byte>((void*)native->Payload, native->PayloadLength).ToArray()
            : [];
        var message = new MqttMessage(topic, payload)
        {
            Qos = (MqttQualityOfService)Math.Clamp(native->Qos, 0, 2),
            Retain = native->Retain != 0,
        };
        message = NativeProperties.Apply(message, properties);

        if (TryCompleteRequest(message))
        {
            return;
        }

        // Never blocks: the bounded channel drops by the configured policy and OnInboundDropped counts it.
        _inbound.Writer.TryWrite(message);
    }

    private void OnLog(int level, string text)
    {
        if ((level & (LibMosquitto.LogErr | LibMosquitto.LogWarning)) != 0)
        {
            _lastLibraryError = text;
        }

        MessagingLog.LibraryLog(_logger, ClientId, text);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReportCallbackFailure(Exception e, string callback)
    {
        try
        {
            MessagingLog.CallbackFailed(_logger, e, callback, ClientId);
        }
#pragma warning disable CA1031 // Even a failing logger must not take the process down from a native callback.
        catch
#pragma warning restore CA1031
        {
        }
    }
}
