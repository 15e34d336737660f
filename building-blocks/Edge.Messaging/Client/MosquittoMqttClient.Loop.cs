using System.Runtime.InteropServices;
using Edge.Messaging.Diagnostics;
using Edge.Messaging.Native;

namespace Edge.Messaging.Client;

internal sealed partial class MosquittoMqttClient
{
    /// <summary>select() timeout of mosquitto_loop; API calls wake it earlier through libmosquitto's socket pair.</summary>
    private const int LoopTimeoutMs = 1000;

    /// <summary>Loop passes allowed after a stop request, to flush DISCONNECT before the thread ends.</summary>
    private const int StopFlushPasses = 5;

    /// <summary>DISCONNECT reason codes, MQTT 5.0 section 3.14.2.1.</summary>
    private const int NormalDisconnection = 0x00;

    private const int DisconnectWithWillMessage = 0x04;

    private void RunLoop(object? state)
    {
        var run = (LoopRun)state!;

        // The handle outlives this thread (DisposeAsync destroys it only after the thread ended), so read it once.
        var handle = Handle;
        try
        {
            var rc = ConnectFirst(handle, out var errno);
            if (rc != LibMosquitto.ErrSuccess)
            {
                run.FirstConnect.TrySetException(new MqttException(
                    $"Cannot connect to {_endpointText}: {MosquittoRuntime.ErrorText(rc, errno)}{LibraryErrorSuffix()}", _endpointText, rc));
                return;
            }

            var passesAfterStop = 0;
            while (true)
            {
                if (run.Stop.IsCancellationRequested && ++passesAfterStop > StopFlushPasses)
                {
                    return;
                }

                rc = LibMosquitto.Loop(handle, LoopTimeoutMs, 1);
                errno = Marshal.GetLastPInvokeError();
                if (rc == LibMosquitto.ErrSuccess)
                {
                    OpenSendingAfterConnack();
                    continue;
                }

                if (run.Stop.IsCancellationRequested)
                {
                    return;
                }

                var cause = MosquittoRuntime.ErrorText(rc, errno) + LibraryErrorSuffix();
                if (!run.FirstConnect.Task.IsCompleted)
                {
                    // TCP was up but TLS or CONNACK failed on the first attempt.
                    run.FirstConnect.TrySetException(new MqttException($"Cannot connect to {_endpointText}: {cause}", _endpointText, rc));
                    return;
                }

                if (!run.FirstConnect.Task.IsCompletedSuccessfully)
                {
                    return;
                }

                OnConnectionGone(cause);
                if (!ReconnectWithBackoff(run, handle))
                {
                    return;
                }
            }
        }
#pragma warning disable CA1031 // Nothing may escape the network thread; the failure is reported to ConnectAsync.
        catch (Exception e)
#pragma warning restore CA1031
        {
            MessagingLog.CallbackFailed(_logger, e, "network loop", ClientId);
            run.FirstConnect.TrySetException(e);
        }
        finally
        {
            lock (_gate)
            {
                run.Exited.TrySetResult();
                if (run.DestroyOnExit)
                {
                    DestroyHandleLocked();
                }
            }
        }
    }

    private IntPtr Handle
    {
        get
        {
            lock (_gate)
            {
                return _handle;
            }
        }
    }

    private int ConnectFirst(IntPtr handle, out int errno)
    {
        var properties = IntPtr.Zero;
        try
        {
            if (_options.ProtocolVersion == MqttProtocolVersion.V500 && _options.SessionExpiry > TimeSpan.Zero)
            {
                var seconds = (uint)Math.Min(Math.Ceiling(_options.SessionExpiry.TotalSeconds), uint.MaxValue);
                LibMosquitto.PropertyAddInt32(ref properties, MqttPropertyId.SessionExpiryInterval, seconds);
            }

            // A blocking connect: TCP (and TLS) happen here; CONNACK arrives through mosquitto_loop. libmosquitto
            // keeps a copy of the properties and sends them again on every mosquitto_reconnect.
            var rc = LibMosquitto.ConnectBindV5(handle, _endpoint.Host, _endpoint.Port, (int)_options.KeepAlive.TotalSeconds, null, properties);
            errno = Marshal.GetLastPInvokeError();
            return rc;
        }
        finally
        {
            LibMosquitto.PropertyFreeAll(ref properties);
        }
    }

    /// <summary>Waits out the backoff on the injected clock and reconnects; false when stopped meanwhile.</summary>
    private bool ReconnectWithBackoff(LoopRun run, IntPtr handle)
    {
        while (!run.Stop.IsCancellationRequested)
        {
            var delay = _backoff.Delay(run.Attempt);
            run.Attempt++;
            MessagingLog.ReconnectScheduled(_logger, ClientId, _endpointText, delay, run.Attempt);
            try
            {
                Task.Delay(delay, _time, run.Stop.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            _lastLibraryError = null;
            var rc = LibMosquitto.Reconnect(handle);
            var errno = Marshal.GetLastPInvokeError();
            if (rc == LibMosquitto.ErrSuccess)
            {
                return true;
            }

            MessagingLog.ReconnectFailed(_logger, ClientId, _endpointText, MosquittoRuntime.ErrorText(rc, errno) + LibraryErrorSuffix());
        }

        return false;
    }

    /// <summary>Stops the network thread of <paramref name="run"/>; true when it ended within the timeout.</summary>
    private async Task<bool> StopLoopAsync(LoopRun run)
    {
        lock (_gate)
        {
            if (_handle != IntPtr.Zero)
            {
                // Queues DISCONNECT and wakes the loop to send it: reason 0 (normal) makes the broker discard the will,
                // 0x04 (Disconnect with Will Message) makes it publish the will.
                LibMosquitto.DisconnectV5(_handle, _options.PublishWillOnDisconnect ? DisconnectWithWillMessage : NormalDisconnection, IntPtr.Zero);
            }
        }

        await run.Stop.CancelAsync().ConfigureAwait(false);
        bool stopped;
        try
        {
            await run.Exited.Task.WaitAsync(LoopStopTimeout, TimeProvider.System).ConfigureAwait(false);
            stopped = true;
        }
        catch (TimeoutException)
        {
            MessagingLog.LoopStopTimeout(_logger, ClientId, LoopStopTimeout);
            stopped = false;
        }

        lock (_gate)
        {
            if (ReferenceEquals(_run, run))
            {
                _run = null;
            }
        }

        var stoppedError = new MqttException($"MQTT client {ClientId} was disconnected from {_endpointText} before the operation completed.", _endpointText, MqttException.NotConnected);
        FailAllPending(stoppedError);
        if (_connected.Task.IsCompleted)
        {
            Interlocked.Exchange(ref _connected, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        return stopped;
    }

    private string LibraryErrorSuffix() => _lastLibraryError is { } text ? $" (libmosquitto: {text})" : string.Empty;
}
