using System.Text.Json;
using Edge.FleetDashboard.Hosting;
using Edge.Messaging;
using Edge.Sparkplug;
using Microsoft.Extensions.Options;

namespace Edge.FleetDashboard.Sparkplug;

/// <summary>
/// This dashboard as a Sparkplug primary host: its STATE topic and the birth/death pair. The specification asks that
/// the death (the will) carry the same timestamp as the birth; libmosquitto keeps one will for the life of a client,
/// so one timestamp, taken when the client is made, serves every (re)connect of it.
/// </summary>
internal sealed class PrimaryHost(IOptions<FleetDashboardOptions> options, TimeProvider time)
{
    public string HostId { get; } = options.Value.HostId;

    public string StateTopic => $"{SparkplugTopics.Namespace}/STATE/{HostId}";

    /// <summary>The filter of every edge node and device of the watched group.</summary>
    public string GroupFilter { get; } = $"{SparkplugTopics.Namespace}/{options.Value.Group}/#";

    public long Timestamp { get; } = time.GetUtcNow().ToUnixTimeMilliseconds();

    public MqttMessage Birth => State(true);

    public MqttMessage Death => State(false);

    private MqttMessage State(bool online) =>
        new(StateTopic, JsonSerializer.SerializeToUtf8Bytes(new HostState(online, Timestamp), HostJsonContext.Default.HostState))
        {
            Qos = MqttQualityOfService.AtLeastOnce,
            Retain = true,
        };
}
