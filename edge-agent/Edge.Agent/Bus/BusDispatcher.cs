using Edge.Messaging;

namespace Edge.Agent.Bus;

/// <summary>
/// Connects the agent's MQTT client (persistent session, so member deltas sent while the agent is down are
/// delivered later), subscribes every handler's filter and feeds messages to handlers one at a time, in arrival
/// order (member deltas depend on it). Handlers that do slow work hand it to their own bounded queue.
/// </summary>
internal sealed class BusDispatcher(IMqttClient client, IEnumerable<IBusHandler> handlers, BusReadiness readiness, AgentCounters counters, TimeProvider time, ILogger<BusDispatcher> logger)
    : BackgroundService
{
    private readonly IBusHandler[] _handlers = handlers.ToArray();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ConnectAsync(stoppingToken).ConfigureAwait(false);
        // Several handlers share a filter (member deltas): one subscription each; every message still reaches all of them.
        var filters = _handlers.Select(h => h.TopicFilter).Distinct(StringComparer.Ordinal).ToArray();
        if (filters.Length > 0)
        {
            await client.SubscribeAsync(
                filters.Select(f => new MqttSubscription(f, MqttQualityOfService.AtLeastOnce)).ToArray(), stoppingToken).ConfigureAwait(false);
        }

        BusLog.Subscribed(logger, client.Endpoint, string.Join(", ", filters));
        readiness.MarkSubscribed();
        await foreach (var message in client.Messages.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            foreach (var handler in _handlers)
            {
                if (!MqttTopicFilter.Matches(handler.TopicFilter, message.Topic))
                {
                    continue;
                }

                try
                {
                    await handler.HandleAsync(message, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    counters.Increment("bus.handler_failed");
                    BusLog.HandlerFailed(logger, message.Topic, e);
                }
            }
        }
    }

    private async Task ConnectAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await client.ConnectAsync(stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (MqttException e)
            {
                BusLog.ConnectFailed(logger, client.Endpoint, delay.TotalSeconds, e.Message);
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }
}
