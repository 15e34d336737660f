using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Edge.Messaging.Hosting;

/// <summary>Healthy when connected, degraded while (re)connecting, unhealthy when disconnected or disposed.</summary>
public sealed class MqttHealthCheck(IMqttClient client) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = client.State;
        var data = new Dictionary<string, object>
        {
            ["endpoint"] = client.Endpoint,
            ["clientId"] = client.ClientId,
            ["state"] = state.ToString(),
            ["droppedInboundMessages"] = client.DroppedInboundMessages,
        };
        var description = $"MQTT {client.ClientId} -> {client.Endpoint}: {state}";
        var result = state switch
        {
            MqttConnectionState.Connected => HealthCheckResult.Healthy(description, data),
            MqttConnectionState.Connecting or MqttConnectionState.Reconnecting => HealthCheckResult.Degraded(description, data: data),
            _ => new HealthCheckResult(context?.Registration?.FailureStatus ?? HealthStatus.Unhealthy, description, data: data),
        };
        return Task.FromResult(result);
    }
}
