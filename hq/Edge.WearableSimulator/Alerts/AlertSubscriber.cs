using System.Text.Json;
using Edge.Contracts.Agent;
using Edge.Messaging;
using Edge.Messaging.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.WearableSimulator.Alerts;

/// <summary>
/// Reads store/staff/alerts/{clerk} and .../{clerk}/closed for every simulated clerk onto the <see cref="AlertBoard"/>.
/// A message that does not parse is logged and dropped: a real watch would show nothing either.
/// </summary>
internal sealed partial class AlertSubscriber(IMqttClient client, MqttConnectionService connection, AlertBoard board, ILogger<AlertSubscriber> logger) : BackgroundService
{
    public TaskCompletionSource Subscribed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await connection.Connected.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
            await client.SubscribeAsync([new MqttSubscription(AgentTopics.StaffAlerts + "/#", MqttQualityOfService.AtLeastOnce)], stoppingToken).ConfigureAwait(false);
            Subscribed.TrySetResult();
            await foreach (var message in client.Messages.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                Handle(message);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Handle(MqttMessage message)
    {
        // store/staff/alerts/{clerk} or store/staff/alerts/{clerk}/closed
        var rest = message.Topic[(AgentTopics.StaffAlerts.Length + 1)..];
        try
        {
            if (rest.EndsWith(AgentTopics.StaffAlertClosedSuffix, StringComparison.Ordinal))
            {
                var closed = JsonSerializer.Deserialize(message.Payload.Span, AgentBusJsonContext.Default.StaffAlertClosed);
                if (closed is not null)
                {
                    board.Close(rest[..^AgentTopics.StaffAlertClosedSuffix.Length], closed);
                }
            }
            else if (!rest.Contains('/', StringComparison.Ordinal))
            {
                var alert = JsonSerializer.Deserialize(message.Payload.Span, AgentBusJsonContext.Default.StaffAlert);
                if (alert is not null)
                {
                    board.Show(alert);
                }
            }
        }
        catch (JsonException ex)
        {
            LogUnreadable(logger, message.Topic, ex.Message);
        }
    }

    [LoggerMessage(10100, LogLevel.Warning, "Unreadable alert message on {Topic}: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string topic, string reason);
}
