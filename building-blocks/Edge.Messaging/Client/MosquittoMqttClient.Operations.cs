using System.Globalization;
using Edge.Messaging.Diagnostics;
using Edge.Messaging.Native;

namespace Edge.Messaging.Client;

internal sealed partial class MosquittoMqttClient
{
    /// <summary>Spec 2.1.4: the Remaining Length field encodes at most 268,435,455 bytes.</summary>
    private const int MaxPacketPayload = 268_435_455;

    private const int ReasonNoMatchingSubscribers = 16;

    public async Task<MqttPublishResult> PublishAsync(MqttMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        ValidateOutgoing(message);
        cancellationToken.ThrowIfCancellationRequested();

        var pending = new PendingAck(PendingAckKind.Publish, (int)message.Qos, message.Topic);
        int mid;
        if (HoldUntilSendingOpens(message, pending) is { } held)
        {
            mid = await WaitUntilSentAsync(held, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            (var rc, mid) = SendPublish(message, pending);
            if (rc != LibMosquitto.ErrSuccess)
            {
                throw PublishError(message, rc);
            }
        }

        var ack = await AwaitAckAsync(pending, mid, cancellationToken).ConfigureAwait(false);
        var code = ack.Codes.Length > 0 ? ack.Codes[0] : 0;
        if (code >= MqttSubackFailure)
        {
            throw new MqttException(
                $"The broker at {_endpointText} refused the message on '{message.Topic}': {MosquittoRuntime.ReasonText(code)}{(ack.ReasonString is null ? string.Empty : ": " + ack.ReasonString)}",
                _endpointText,
                reasonCode: code);
        }

        return new MqttPublishResult(code, mid);
    }

    public async Task<IReadOnlyList<MqttQualityOfService>> SubscribeAsync(IReadOnlyList<MqttSubscription> subscriptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        foreach (var subscription in subscriptions)
        {
            if (MqttTopicFilter.ValidateFilter(subscription.TopicFilter) is { } error)
            {
                throw new ArgumentException($"Cannot subscribe to '{subscription.TopicFilter}': {error}", nameof(subscriptions));
            }

            if (subscription.Qos is < MqttQualityOfService.AtMostOnce or > MqttQualityOfService.ExactlyOnce)
            {
                throw new ArgumentException($"QoS {(int)subscription.Qos} is not 0, 1 or 2.", nameof(subscriptions));
            }
        }

        if (State != MqttConnectionState.Connected)
        {
            throw NotConnectedError("subscribe");
        }

        var sends = new List<(PendingAck Pending, int Mid, MqttSubscription Subscription)>();
        foreach (var subscription in subscriptions)
        {
            var pending = new PendingAck(PendingAckKind.Subscribe, (int)subscription.Qos, subscription.TopicFilter);
            int rc, mid;
            lock (_gate)
            {
                ThrowIfHandleGone();
                rc = LibMosquitto.SubscribeV5(_handle, out mid, subscription.TopicFilter, (int)subscription.Qos, SubscribeOptions(subscription), IntPtr.Zero);
                if (rc == LibMosquitto.ErrSuccess)
                {
                    _pending[mid] = pending;
                }
            }

            if (rc != LibMosquitto.ErrSuccess)
            {
                throw rc == LibMosquitto.ErrNoConn
                    ? NotConnectedError($"subscribe to '{subscription.TopicFilter}'")
                    : new MqttException($"Cannot subscribe to '{subscription.TopicFilter}' on {_endpointText}: {MosquittoRuntime.ErrorText(rc, 0)}", _endpointText, rc);
            }

            sends.Add((pending, mid, subscription));
        }

        var granted = new List<MqttQualityOfService>(sends.Count);
        foreach (var (pending, mid, subscription) in sends)
        {
            var ack = await AwaitAckAsync(pending, mid, cancellationToken).ConfigureAwait(false);
            var code = ack.Codes.Length > 0 ? ack.Codes[0] : MqttSubackFailure;
            if (code >= MqttSubackFailure)
            {
                throw new MqttException(
                    $"The broker at {_endpointText} refused the subscription to '{subscription.TopicFilter}': {MosquittoRuntime.ReasonText(code)}",
                    _endpointText,
                    reasonCode: code);
            }

            lock (_gate)
            {
                _subscriptions[subscription.TopicFilter] = subscription;
            }

            granted.Add((MqttQualityOfService)code);
        }

        return granted;
    }

    public async Task UnsubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topicFilters);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        foreach (var filter in topicFilters)
        {
            if (MqttTopicFilter.ValidateFilter(filter) is { } error)
            {
                throw new ArgumentException($"Cannot unsubscribe from '{filter}': {error}", nameof(topicFilters));
            }
        }

        lock (_gate)
        {
            // Forget them first: even if UNSUBACK never comes, a reconnect must not restore them.
            foreach (var filter in topicFilters)
            {
                _subscriptions.Remove(filter);
            }
        }

        if (State != MqttConnectionState.Connected)
        {
            throw NotConnectedError("unsubscribe");
        }

        foreach (var filter in topicFilters)
        {
            var pending = new PendingAck(PendingAckKind.Unsubscribe, 0, filter);
            int rc, mid;
            lock (_gate)
            {
                ThrowIfHandleGone();
                rc = LibMosquitto.UnsubscribeV5(_handle, out mid, filter, IntPtr.Zero);
                if (rc == LibMosquitto.ErrSuccess)
                {
                    _pending[mid] = pending;
                }
            }

            if (rc != LibMosquitto.ErrSuccess)
            {
                throw new MqttException($"Cannot unsubscribe from '{filter}' on {_endpointText}: {MosquittoRuntime.ErrorText(rc, 0)}", _endpointText, rc);
            }

            await AwaitAckAsync(pending, mid, cancellationToken).ConfigureAwait(false);
        }
    }

    private void ValidateOutgoing(MqttMessage message)
    {
        if (MqttTopicFilter.ValidateTopicName(message.Topic) is { } error)
        {
            throw new ArgumentException($"Cannot publish: {error}", nameof(message));
        }

        if (message.Qos is < MqttQualityOfService.AtMostOnce or > MqttQualityOfService.ExactlyOnce)
        {
            throw new ArgumentException($"QoS {(int)message.Qos} is not 0, 1 or 2.", nameof(message));
        }

        if (message.Payload.Length > MaxPacketPayload)
        {
            throw new ArgumentException($"The payload of {message.Payload.Length} bytes exceeds MQTT's {MaxPacketPayload} byte packet limit.", nameof(message));
        }

        if (message.CorrelationData.Length > ushort.MaxValue)
        {
            throw new ArgumentException($"Correlation data of {message.CorrelationData.Length} bytes exceeds 65535 bytes (spec 1.5.6).", nameof(message));
        }

        if (message.ResponseTopic is not null && MqttTopicFilter.ValidateTopicName(message.ResponseTopic) is { } responseError)
        {
            throw new ArgumentException($"Cannot publish to '{message.Topic}': invalid response topic: {responseError}", nameof(message));
        }

        if (message.ValidateStringProperties() is { } propertyError)
        {
            throw new ArgumentException($"Cannot publish to '{message.Topic}': {propertyError}", nameof(message));
        }

        if (_options.ProtocolVersion != MqttProtocolVersion.V500 && message.HasV5Properties)
        {
            throw new ArgumentException($"The message on '{message.Topic}' has MQTT 5 properties, but this client speaks MQTT 3.1.1.", nameof(message));
        }
    }

    private unsafe (int Rc, int Mid) SendPublish(MqttMessage message, PendingAck pending)
    {
        var properties = _options.ProtocolVersion == MqttProtocolVersion.V500 ? NativeProperties.Build(message, _endpointText) : IntPtr.Zero;
        try
        {
            lock (_gate)
            {
                ThrowIfHandleGone();
                int rc, mid;
                fixed (byte* payload = message.Payload.Span)
                {
                    rc = LibMosquitto.PublishV5(_handle, out mid, message.Topic, message.Payload.Length, payload, (int)message.Qos, message.Retain, properties);
                }

                // MOSQ_ERR_NO_CONN at QoS > 0 still queues the message inside libmosquitto (it is sent after the
                // reconnect), so the caller must wait for its PUBACK rather than fail (or, worse, resend it).
                if (rc == LibMosquitto.ErrSuccess || (rc == LibMosquitto.ErrNoConn && message.Qos != MqttQualityOfService.AtMostOnce))
                {
                    _pending[mid] = pending;
                    return (LibMosquitto.ErrSuccess, mid);
                }

                return (rc, mid);
            }
        }
        finally
        {
            // mosquitto_publish_v5 copies the properties into the packet.
            LibMosquitto.PropertyFreeAll(ref properties);
        }
    }

    private async Task<AckResult> AwaitAckAsync(PendingAck pending, int mid, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            return await pending.Completion.Task.ConfigureAwait(false);
        }

        try
        {
            return await pending.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            lock (_gate)
            {
                if (_pending.TryGetValue(mid, out var current) && ReferenceEquals(current, pending))
                {
                    _pending.Remove(mid);
                }
            }

            throw;
        }
    }

    /// <summary>Runs on the network thread from the CONNACK callback.</summary>
    private void RestoreSubscriptions()
    {
        List<MqttSubscription> subscriptions;
        lock (_gate)
        {
            subscriptions = [.. _subscriptions.Values];
        }

        if (subscriptions.Count == 0)
        {
            return;
        }

        MessagingLog.RestoringSubscriptions(_logger, ClientId, _endpointText, subscriptions.Count);
        foreach (var subscription in subscriptions)
        {
            int rc;
            lock (_gate)
            {
                if (_handle == IntPtr.Zero)
                {
                    return;
                }

                rc = LibMosquitto.SubscribeV5(_handle, out _, subscription.TopicFilter, (int)subscription.Qos, SubscribeOptions(subscription), IntPtr.Zero);
            }

            if (rc != LibMosquitto.ErrSuccess)
            {
                MessagingLog.RestoreFailed(_logger, ClientId, subscription.TopicFilter, MosquittoRuntime.ErrorText(rc, 0));
            }
        }
    }

    /// <summary>MQTT 5 subscription options byte (spec 3.8.3.1) without the QoS bits, which libmosquitto adds.</summary>
    private int SubscribeOptions(MqttSubscription subscription)
    {
        if (_options.ProtocolVersion != MqttProtocolVersion.V500)
        {
            return 0;
        }

        var options = (int)subscription.RetainHandling << 4;
        if (subscription.NoLocal)
        {
            options |= 0x04;
        }

        if (subscription.RetainAsPublished)
        {
            options |= 0x08;
        }

        return options;
    }

    private void ThrowIfHandleGone()
    {
        if (_handle == IntPtr.Zero)
        {
            throw new ObjectDisposedException(nameof(IMqttClient), $"MQTT client {ClientId} was disposed.");
        }
    }

    private MqttException NotConnectedError(string operation) =>
        new(
            string.Create(CultureInfo.InvariantCulture, $"Cannot {operation}: MQTT client {ClientId} is not connected to {_endpointText} (state {State}, offline policy {_options.OfflinePublish})."),
            _endpointText,
            MqttException.NotConnected);
}
