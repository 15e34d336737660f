using System.Collections.Concurrent;
using Edge.Messaging.Diagnostics;

namespace Edge.Messaging.Client;

/// <summary>MQTT 5 request/response (spec 4.10): a response topic per client, correlation data per request.</summary>
internal sealed partial class MosquittoMqttClient
{
    private readonly ConcurrentDictionary<string, PendingRequest> _requests = new(StringComparer.Ordinal);

    public async Task<MqttMessage> RequestAsync(MqttMessage request, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        if (_options.ProtocolVersion != MqttProtocolVersion.V500)
        {
            throw new NotSupportedException("Request/response needs MQTT 5 (response topic and correlation data properties).");
        }

        var responseTopic = request.ResponseTopic ?? _responseTopic;
        await EnsureResponseSubscriptionAsync(responseTopic, cancellationToken).ConfigureAwait(false);

        var correlation = request.CorrelationData.IsEmpty ? Guid.NewGuid().ToByteArray() : request.CorrelationData.ToArray();
        var key = Convert.ToHexString(correlation);
        var pending = new PendingRequest(responseTopic);
        if (!_requests.TryAdd(key, pending))
        {
            throw new InvalidOperationException($"A request with correlation data {key} is already waiting for its response.");
        }

        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        try
        {
            await PublishAsync(request with { ResponseTopic = responseTopic, CorrelationData = correlation }, linked.Token).ConfigureAwait(false);
            return await pending.Completion.Task.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No response on '{responseTopic}' to the request on '{request.Topic}' within {timeout} ({_endpointText}).");
        }
        finally
        {
            _requests.TryRemove(new KeyValuePair<string, PendingRequest>(key, pending));
        }
    }

    private async Task EnsureResponseSubscriptionAsync(string responseTopic, CancellationToken cancellationToken)
    {
        if (!string.Equals(responseTopic, _responseTopic, StringComparison.Ordinal) || Volatile.Read(ref _responseSubscribed))
        {
            // A caller-chosen response topic is the caller's to subscribe to.
            return;
        }

        await _responseSubscription.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_responseSubscribed)
            {
                // NoLocal is not needed: only responders publish here. The subscription is restored after reconnects.
                await SubscribeAsync([new MqttSubscription(_responseTopic, MqttQualityOfService.AtLeastOnce)], cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _responseSubscribed, true);
            }
        }
        finally
        {
            _responseSubscription.Release();
        }
    }

    /// <summary>Network thread: true when <paramref name="message"/> answers a pending request (and completes it).</summary>
    private bool TryCompleteRequest(MqttMessage message)
    {
        if (message.CorrelationData.IsEmpty || _requests.IsEmpty && !string.Equals(message.Topic, _responseTopic, StringComparison.Ordinal))
        {
            return false;
        }

        var key = Convert.ToHexString(message.CorrelationData.Span);
        if (_requests.TryGetValue(key, out var pending) && string.Equals(pending.ResponseTopic, message.Topic, StringComparison.Ordinal))
        {
            pending.Completion.TrySetResult(message);
            return true;
        }

        if (string.Equals(message.Topic, _responseTopic, StringComparison.Ordinal))
        {
            // A late response (after its timeout) must not leak into Messages as if it were an event.
            MessagingLog.UnmatchedResponse(_logger, ClientId, message.Topic);
            return true;
        }

        return false;
    }

    private sealed class PendingRequest(string responseTopic)
    {
        public string ResponseTopic { get; } = responseTopic;

        public TaskCompletionSource<MqttMessage> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
