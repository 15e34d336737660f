using Edge.Contracts;
using Edge.Kiosk.Hosting;
using Edge.Messaging;
using Microsoft.Extensions.Options;

namespace Edge.Kiosk.Live;

/// <summary>
/// The kiosk's screen as a store device for HQ: retained <c>store/kiosk/{kioskId}/status</c> is "showing" while at
/// least one browser holds a live connection and "offline" when the last one closes (cloud-sync turns it into the
/// device's Sparkplug birth and death). A screen whose browser crashed drops its connection, so it goes offline too.
/// </summary>
internal sealed class ScreenPresence(IMqttClient client, IOptions<KioskOptions> options, ILogger<ScreenPresence> logger)
{
    public const string Showing = "showing";
    public const string Offline = "offline";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _screens;

    public Task ScreenConnectedAsync(CancellationToken cancellationToken) => ChangeAsync(+1, cancellationToken);

    public Task ScreenDisconnectedAsync(CancellationToken cancellationToken) => ChangeAsync(-1, cancellationToken);

    private async Task ChangeAsync(int delta, CancellationToken cancellationToken)
    {
        // One change at a time, so the last message published matches the count (a fast reload disconnects and connects).
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var before = _screens;
            _screens = Math.Max(0, _screens + delta);
            if ((before == 0) == (_screens == 0))
            {
                return;
            }

            var status = _screens > 0 ? Showing : Offline;
            try
            {
                await client.PublishAsync(
                    MqttMessage.FromString(LocalTopics.DeviceStatusFor("kiosk", options.Value.KioskId), status) with
                    {
                        Qos = MqttQualityOfService.AtLeastOnce,
                        Retain = true,
                        ContentType = "text/plain",
                        PayloadIsUtf8 = true,
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (MqttException e)
            {
                KioskLog.ScreenStatusNotPublished(logger, status, e.Message);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
