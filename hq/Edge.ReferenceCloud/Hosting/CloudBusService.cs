using System.Text.Json;
using Edge.Contracts.Provisioning;
using Edge.Messaging;
using Edge.Messaging.Hosting;
using Edge.ReferenceCloud.Claims;
using Edge.ReferenceCloud.Upstream;
using Microsoft.Extensions.Hosting;

namespace Edge.ReferenceCloud.Hosting;

/// <summary>
/// The cloud's consumer loop: shared subscriptions (several cloud instances would split the load, as the design asks
/// of cloud consumers) to claims and to every store's up-streams, handled one message at a time in arrival order,
/// which keeps each stream's order. Handlers never throw for bad input; they refuse and count.
/// </summary>
internal sealed class CloudBusService(
    IMqttClient client,
    MqttConnectionService connection,
    ClaimHandler claims,
    UpstreamHandler upstream,
    Microsoft.Extensions.Logging.ILogger<CloudBusService> logger) : BackgroundService
{
    public const string ClaimFilter = "$share/reference-cloud/" + ClaimTopics.Claim;
    public const string UpFilter = "$share/reference-cloud/retail/v1/+/up/+";

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
            upstream.Handle(message.Topic, message.Payload.Span);
        }
    }
}
