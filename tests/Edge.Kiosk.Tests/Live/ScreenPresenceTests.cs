using Edge.Kiosk.Hosting;
using Edge.Kiosk.Live;
using Edge.Messaging;
using Edge.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Edge.Kiosk.Tests.Live;

public sealed class ScreenPresenceTests
{
    [RequiresMosquittoFact]
    public async Task ScreenConnectedAndDisconnected_TwoBrowsersThenNone_RetainedShowingUntilTheLastOneLeaves()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var kiosk = Client(broker.Port);
        await kiosk.ConnectAsync();
        var screens = new ScreenPresence(kiosk, Options.Create(new KioskOptions { KioskId = "k-7" }), NullLogger<ScreenPresence>.Instance);

        await screens.ScreenConnectedAsync(CancellationToken.None);
        await screens.ScreenConnectedAsync(CancellationToken.None); // a reload opens the new connection before the old one closes
        await screens.ScreenDisconnectedAsync(CancellationToken.None);
        Assert.Equal("showing", await RetainedAsync(broker.Port));

        await screens.ScreenDisconnectedAsync(CancellationToken.None);
        Assert.Equal("offline", await RetainedAsync(broker.Port));

        // A disconnect without a connection (the hub's OnDisconnected after a failed OnConnected) never goes below zero.
        await screens.ScreenDisconnectedAsync(CancellationToken.None);
        await screens.ScreenConnectedAsync(CancellationToken.None);
        Assert.Equal("showing", await RetainedAsync(broker.Port));
    }

    private static async Task<string> RetainedAsync(int port)
    {
        await using var reader = Client(port);
        await reader.ConnectAsync();
        await reader.SubscribeAsync([new MqttSubscription("store/kiosk/k-7/status")]);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var m = await reader.Messages.ReadAsync(cts.Token);
        Assert.True(m.Retain);
        return m.PayloadAsString();
    }

    private static IMqttClient Client(int port) =>
        new MqttClientFactory().Create(new MqttClientOptions { Server = $"mqtt://127.0.0.1:{port}", ClientId = "screen-" + Guid.NewGuid().ToString("N")[..8] });
}
