using System.Text.Json;
using Edge.FleetDashboard.Diagnostics;
using Edge.FleetDashboard.Fleet;
using Edge.FleetDashboard.Hosting;
using Edge.Messaging;
using Edge.Messaging.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.FleetDashboard.Sparkplug;

/// <summary>
/// The primary host loop on the cloud broker (clean session, STATE will set on the client): on every connect it
/// subscribes to its own STATE topic and to spBv1.0/{group}/#, then publishes STATE online (retained, QoS 1); at a
/// graceful stop it publishes STATE offline before disconnecting. Messages are applied one at a time in arrival order
/// (seq checks need that order); a node that needs a rebirth gets an NCMD Node Control/Rebirth.
/// </summary>
internal sealed class SparkplugHostService(
    IMqttClient client,
    MqttConnectionService connection,
    PrimaryHost host,
    FleetBoard board,
    IOptions<FleetDashboardOptions> options,
    TimeProvider time,
    ILogger<SparkplugHostService> logger) : BackgroundService
{
    /// <summary>Completes once subscribed and STATE online is published the first time (tests and health wait on it).</summary>
    public TaskCompletionSource Online { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (client.State == MqttConnectionState.Connected)
        {
            try
            {
                // A graceful goodbye: the broker does not send the will after DISCONNECT, so say offline ourselves.
                await client.PublishAsync(host.Death, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is MqttException or OperationCanceledException or TimeoutException)
            {
                DashboardLog.PublishFailed(logger, "STATE offline", ex.Message);
            }
        }
    }

    /// <summary>Sends <paramref name="command"/> to the store's hub as an NCMD.</summary>
    public async Task SendAsync(string storeId, NodeCommand command, CancellationToken cancellationToken)
    {
        var message = new MqttMessage(NodeCommands.Topic(options.Value.Group, storeId), NodeCommands.Payload(command, time.GetUtcNow()))
        {
            Qos = MqttQualityOfService.AtMostOnce, // Sparkplug: commands are QoS 0, not retained
        };
        await client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        DashboardLog.CommandSent(logger, storeId, command.Name);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            client.StateChanged += OnStateChanged;
            await connection.Connected.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
            await ComeOnlineAsync(stoppingToken).ConfigureAwait(false);
            await foreach (var message in client.Messages.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await HandleAsync(message, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One message must never stop the host.
                    DashboardLog.MessageFailed(logger, ex, message.Topic);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            client.StateChanged -= OnStateChanged;
        }
    }

    private void OnStateChanged(object? sender, MqttConnectionStateChangedEventArgs e)
    {
        // The client restores subscriptions after a reconnect, but the broker lost the retained online STATE's meaning
        // if the will fired meanwhile (a network drop): publish online again on every reconnect.
        if (e.Current == MqttConnectionState.Connected && Online.Task.IsCompleted)
        {
            _ = PublishBirthAsync(CancellationToken.None);
        }
    }

    private async Task ComeOnlineAsync(CancellationToken cancellationToken)
    {
        await client.SubscribeAsync(
            [new MqttSubscription(host.StateTopic, MqttQualityOfService.AtLeastOnce), new MqttSubscription(host.GroupFilter, MqttQualityOfService.AtMostOnce)],
            cancellationToken).ConfigureAwait(false);
        await PublishBirthAsync(cancellationToken).ConfigureAwait(false);
        DashboardLog.HostOnline(logger, host.HostId, host.StateTopic, host.GroupFilter);
        Online.TrySetResult();
    }

    private async Task PublishBirthAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.PublishAsync(host.Birth, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MqttException or TimeoutException)
        {
            DashboardLog.PublishFailed(logger, "STATE online", ex.Message);
        }
    }

    private static bool IsOnline(ReadOnlySpan<byte> state)
    {
        try
        {
            return JsonSerializer.Deserialize(state, HostJsonContext.Default.HostState)?.Online == true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task HandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        if (message.Topic == host.StateTopic)
        {
            // Our own STATE. If it says offline while we are connected (a will of an earlier connection arriving
            // late, or another instance with our id), assert online again, as the specification asks.
            if (!IsOnline(message.Payload.Span))
            {
                await PublishBirthAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var result = board.Apply(message.Topic, message.Payload.Span);
        switch (result.Outcome)
        {
            case ApplyOutcome.Refused:
                DashboardLog.MessageRefused(logger, message.Topic, result.Reason ?? "unreadable");
                break;
            case ApplyOutcome.Ignored when result.Reason?.StartsWith("death", StringComparison.Ordinal) == true:
                DashboardLog.StaleDeathIgnored(logger, result.StoreId ?? "?", result.Reason);
                break;
            case ApplyOutcome.RebirthNeeded:
                DashboardLog.RebirthRequested(logger, result.StoreId!, result.Reason ?? "seq gap");
                try
                {
                    await SendAsync(result.StoreId!, NodeCommands.Rebirth, cancellationToken).ConfigureAwait(false);
                }
                catch (MqttException ex)
                {
                    DashboardLog.PublishFailed(logger, "rebirth request", ex.Message);
                }

                break;
            case ApplyOutcome.Applied when message.Topic.Contains("/NBIRTH/", StringComparison.Ordinal):
                DashboardLog.NodeBorn(logger, result.StoreId!, board.Store(result.StoreId!)?.BdSeq ?? -1);
                break;
            case ApplyOutcome.Applied when message.Topic.Contains("/NDEATH/", StringComparison.Ordinal):
                DashboardLog.NodeDied(logger, result.StoreId!, board.Store(result.StoreId!)?.BdSeq ?? -1);
                break;
        }
    }
}
