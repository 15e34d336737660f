using System.Text.Json;
using System.Threading.Channels;
using Edge.BeaconGateway.Diagnostics;
using Edge.Contracts.Motion;
using Edge.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.BeaconGateway.Motion;

/// <summary>
/// Reads the PIR sensors and publishes zone motion (retained) and footfall on the local bus at QoS 1. The tracker's
/// messages wait in a bounded queue (256); when the bus is slower, the oldest is dropped: a newer state of the same
/// zone supersedes it. A sensor source that cannot be opened is logged once and the gateway keeps running without
/// motion: screens then simply stay awake.
/// </summary>
public sealed class MotionService(
    IOptions<MotionOptions> options,
    Func<MotionOptions, IMotionSensors> openSensors,
    TimeProvider time,
    ILogger<MotionService> logger,
    IMqttClient? client = null) : BackgroundService, IMotionPublisher
{
    private readonly Channel<MqttMessage> _outgoing = Channel.CreateBounded<MqttMessage>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Completes when the sensors are open (or failed to open: then with false).</summary>
    public TaskCompletionSource<bool> Opened { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Published { get; private set; }

    public void Publish(ZoneMotion motion) => _outgoing.Writer.TryWrite(new MqttMessage(
        MotionTopics.Motion(motion.Zone), JsonSerializer.SerializeToUtf8Bytes(motion, MotionJsonContext.Default.ZoneMotion))
    { Qos = MqttQualityOfService.AtLeastOnce, Retain = true });

    public void Publish(ZoneFootfall footfall) => _outgoing.Writer.TryWrite(new MqttMessage(
        MotionTopics.Footfall(footfall.Zone), JsonSerializer.SerializeToUtf8Bytes(footfall, MotionJsonContext.Default.ZoneFootfall))
    { Qos = MqttQualityOfService.AtLeastOnce });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IMotionSensors sensors;
        try
        {
            sensors = openSensors(options.Value);
        }
        catch (MotionSensorUnavailableException ex)
        {
            GatewayLog.MotionUnavailable(logger, ex.Message);
            Opened.TrySetResult(false);
            return;
        }

        Opened.TrySetResult(true);
        await using (sensors.ConfigureAwait(false))
        {
            using var tracker = new MotionTracker(options.Value, this, time);
            var sending = SendAsync(stoppingToken);
            try
            {
                await foreach (var edge in sensors.ReadAllAsync(stoppingToken).ConfigureAwait(false))
                {
                    tracker.OnEdge(edge);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (MotionSensorUnavailableException ex)
            {
                GatewayLog.MotionUnavailable(logger, ex.Message);
            }

            _outgoing.Writer.TryComplete();
            await sending.ConfigureAwait(false);
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in _outgoing.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (client is null || stoppingToken.IsCancellationRequested)
            {
                continue;
            }

            try
            {
                await client.PublishAsync(message, stoppingToken).ConfigureAwait(false);
                Published++;
            }
            catch (Exception ex) when (ex is MqttException or InvalidOperationException or OperationCanceledException)
            {
                GatewayLog.PublishFailed(logger, ex, message.Topic);
            }
        }
    }
}
