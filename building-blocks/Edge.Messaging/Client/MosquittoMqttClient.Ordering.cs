using Edge.Messaging.Native;

namespace Edge.Messaging.Client;

/// <summary>
/// Publish order across reconnects. After a CONNACK libmosquitto first calls our connect callback and only then
/// resends the QoS 1/2 messages still in flight; a publish made in between is written at once and overtakes them, and
/// publishes that waited for the connection would race each other to libmosquitto. So until the network thread has
/// returned from the loop pass that handled the CONNACK (the resends are then queued on the socket), publishes are
/// held here in call order and handed over by the network thread in that order. Spec 4.6 asks a client to keep the
/// order of its QoS 1 publishes on a topic; cloud-sync's per-stream order depends on it.
/// </summary>
internal sealed partial class MosquittoMqttClient
{
    /// <summary>Guarded by _gate.</summary>
    private readonly LinkedList<HeldPublish> _held = new();

    /// <summary>Guarded by _gate: true from the end of the loop pass that handled a CONNACK until the connection is gone.</summary>
    private bool _sendOpen;

    /// <summary>Network thread only: a CONNACK was handled in the current loop pass.</summary>
    private bool _openAfterLoop;

    /// <summary>Holds the publish when sending is not open (or others are held before it); null to send it now.</summary>
    private LinkedListNode<HeldPublish>? HoldUntilSendingOpens(MqttMessage message, PendingAck pending)
    {
        lock (_gate)
        {
            if (_sendOpen && _held.Count == 0)
            {
                return null;
            }

            if (_options.OfflinePublish == MqttOfflinePublishPolicy.FailFast && State != MqttConnectionState.Connected)
            {
                throw NotConnectedError($"publish to '{message.Topic}'");
            }

            return _held.AddLast(new HeldPublish(message, pending));
        }
    }

    private async Task<int> WaitUntilSentAsync(LinkedListNode<HeldPublish> node, CancellationToken cancellationToken)
    {
        try
        {
            return await node.Value.Sent.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            lock (_gate)
            {
                if (node.List is not null)
                {
                    // Still held: it is never sent.
                    _held.Remove(node);
                    throw;
                }
            }

            // Handed over meanwhile: the caller's wait for the acknowledgement observes the cancellation.
            return await node.Value.Sent.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Network thread, after a loop pass: hands the held publishes over in order, then lets callers send directly.</summary>
    private void OpenSendingAfterConnack()
    {
        if (!_openAfterLoop)
        {
            return;
        }

        _openAfterLoop = false;
        var outcomes = new List<(HeldPublish Held, int Mid, Exception? Error)>();
        lock (_gate)
        {
            while (_held.First is { } node)
            {
                _held.RemoveFirst();
                var held = node.Value;
                try
                {
                    var (rc, mid) = SendPublish(held.Message, held.Pending);
                    outcomes.Add((held, mid, rc == LibMosquitto.ErrSuccess ? null : PublishError(held.Message, rc)));
                }
#pragma warning disable CA1031 // The caller gets the failure through its task; the network thread must go on.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    outcomes.Add((held, 0, e));
                }
            }

            _sendOpen = true;
        }

        foreach (var (held, mid, error) in outcomes)
        {
            if (error is null)
            {
                held.Sent.TrySetResult(mid);
            }
            else
            {
                held.Sent.TrySetException(error);
            }
        }
    }

    /// <summary>The connection is gone (or the loop stops): publishes are held again until the next CONNACK.</summary>
    private void CloseSending()
    {
        _openAfterLoop = false;
        lock (_gate)
        {
            _sendOpen = false;
        }
    }

    private void FailHeld(Exception error)
    {
        List<HeldPublish> failed;
        lock (_gate)
        {
            _sendOpen = false;
            failed = [.. _held];
            _held.Clear();
        }

        foreach (var held in failed)
        {
            held.Sent.TrySetException(error);
        }
    }

    private MqttException PublishError(MqttMessage message, int rc) => rc == LibMosquitto.ErrNoConn
        ? NotConnectedError($"publish to '{message.Topic}'")
        : new MqttException($"Cannot publish to '{message.Topic}' on {_endpointText}: {MosquittoRuntime.ErrorText(rc, 0)}", _endpointText, rc);
}
