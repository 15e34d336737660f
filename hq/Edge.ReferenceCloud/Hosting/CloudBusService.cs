using System.Text.Json;
using Edge.Contracts.Provisioning;
using Edge.Messaging;
using Edge.Messaging.Hosting;
using Edge.ReferenceCloud.Claims;
using Edge.ReferenceCloud.Upstream;
using Microsoft.Extensions.Hosting;

namespace Edge.ReferenceCloud.Hosting;

/// <summary>
/// The cloud's consumer loop: subscriptions to claims and to every store's up-streams on a persistent session, handled
/// one message at a time in arrival order, which keeps each stream's order. Handlers never throw for bad input; they
/// refuse and count. Plain, not shared ($share/...) subscriptions: this reference cloud runs as one instance, and
/// mosquitto 2.0.11 did not bring a shared subscription back from persistence after a restart (the session came back,
/// the subscription did not, and a hub's events sent meanwhile were dropped; the store test saw it). A cloud that runs
/// several consumers would need a broker that keeps shared subscriptions across restarts.
/// </summary>
internal sealed class CloudBusService(
    IMqttClient client,
    MqttConnectionService connection,
    ClaimHandler claims,
    UpstreamHandler upstream,
    Microsoft.Extensions.Logging.ILogger<CloudBusService> logger) : BackgroundService
{
    public const string ClaimFilter = ClaimTopics.Claim;
    public const string UpFilter = "retail/v1/+/up/+";

    /// <summary>Completes once the subscriptions are acknowledged (tests and the demo wait on it).</summary>
    public TaskCompletionSource Subscribed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await connection.Connected.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
            await client.SubscribeAsync(
                [new MqttSubscription(ClaimFilter, MqttQualityOfService.AtLeastOnce), new MqttSubscription(UpFilter, MqttQualityOfService.AtLeastOnce)],
                stoppingToken).ConfigureAwait(false);
            Subscribed.TrySetResult();
            await foreach (var message in client.Messages.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await HandleAsync(message, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One message must never stop the cloud: log it with the topic and go on with the next.
                    Failed++;
                    Diagnostics.CloudLog.MessageFailed(logger, ex, message.Topic);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Messages whose handling threw (a bug, not bad input: bad input is refused by the handlers).</summary>
    public long Failed { get; private set; }

    private async Task HandleAsync(MqttMessage message, CancellationToken stoppingToken)
    {
        if (message.Topic == ClaimTopics.Claim)
        {
            var answer = claims.Answer(message.Payload.Span);
            if (!string.IsNullOrEmpty(message.ResponseTopic))
            {
                await client.RespondAsync(message, JsonSerializer.SerializeToUtf8Bytes(answer, ClaimJsonContext.Default.ClaimResponse), stoppingToken).ConfigureAwait(false);
            }
        }
        else
        {
            await upstream.HandleAsync(message.Topic, message.Payload, stoppingToken).ConfigureAwait(false);
        }
    }
}
