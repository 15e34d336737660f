using System.Text.Json;
using Edge.Contracts.Cloud;
using Edge.Kiosk.Hosting;
using Edge.Kiosk.Signage;
using Edge.Kiosk.Storage;
using Edge.Messaging;
using Edge.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Edge.Kiosk.Tests.Signage;

/// <summary>Proof of play in a real SQLite file, published to a real mosquitto; nothing is lost while the broker is away.</summary>
public sealed class ProofOfPlayTests : IDisposable
{
    private readonly TempDirectory _dir = new("kiosk-pop");
    private readonly FakeTimeProvider _clock = new();

    public void Dispose() => _dir.Dispose();

    [RequiresMosquittoFact]
    public async Task PublishPending_BrokerDownThenKioskRestartThenBrokerUp_EveryPlayArrivesOnceInOrder()
    {
        var port = FreePort.Next();
        var path = _dir.File("kiosk.db");
        using (var db = new KioskDatabase(path))
        {
            var store = new ProofOfPlayStore(db);
            for (var i = 1; i <= 3; i++)
            {
                store.Append(new ProofOfPlayRecord($"play{i}", "promo", _clock.GetUtcNow(), _clock.GetUtcNow().AddSeconds(8)));
            }

            // Broker down: nothing is sent, nothing is dropped.
            await using var offline = Client(port);
            var connecting = offline.ConnectAsync(new CancellationTokenSource(TimeSpan.FromMilliseconds(200)).Token);
            await Assert.ThrowsAnyAsync<Exception>(() => connecting);
            Assert.Equal(0, await Publisher(store, offline).PublishPendingAsync(CancellationToken.None));
            Assert.Equal(3, store.PendingCount());
        }

        // The kiosk restarts (new connection to the same file), then the broker comes up.
        using var reopened = new KioskDatabase(path);
        var restored = new ProofOfPlayStore(reopened);
        Assert.Equal(3, restored.PendingCount());

        await using var broker = await MosquittoBroker.StartAsync(port: port);
        await using var subscriber = Client(port, "sub");
        await subscriber.ConnectAsync();
        await subscriber.SubscribeAsync([new MqttSubscription(ProofOfPlayPublisher.Topic)]);
        await using var bus = Client(port);
        await bus.ConnectAsync();

        Assert.Equal(3, await Publisher(restored, bus).PublishPendingAsync(CancellationToken.None));
        Assert.Equal(0, restored.PendingCount());

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var message = await subscriber.Messages.ReadAsync(wait.Token);
            var envelope = JsonSerializer.Deserialize(message.Payload.Span, CloudJsonContext.Default.OutboxEvent)!;
            Assert.Equal("signage.played", envelope.Type);
            Assert.Equal("promo", envelope.Body.GetProperty("itemId").GetString());
            Assert.Equal(8, envelope.Body.GetProperty("durationSeconds").GetDouble());
            ids.Add(envelope.MessageId);
        }

        Assert.Equal(["kiosk-ui:kiosk-7:play:play1", "kiosk-ui:kiosk-7:play:play2", "kiosk-ui:kiosk-7:play:play3"], ids);
    }

    [Fact]
    public void Append_SamePlayTwice_IsStoredOnce()
    {
        using var db = new KioskDatabase(_dir.File("dupe.db"));
        var store = new ProofOfPlayStore(db);
        var record = new ProofOfPlayRecord("same", "promo", _clock.GetUtcNow(), _clock.GetUtcNow());
        store.Append(record);
        store.Append(record);
        Assert.Equal(1, store.PendingCount());
    }

    private static IMqttClient Client(int port, string suffix = "kiosk") =>
        new MqttClientFactory().Create(new MqttClientOptions { Server = $"mqtt://127.0.0.1:{port}", ClientId = "pop-" + suffix + "-" + Guid.NewGuid().ToString("N")[..6] });

    private ProofOfPlayPublisher Publisher(ProofOfPlayStore store, IMqttClient bus) =>
        new(store, bus, Options.Create(new KioskOptions { KioskId = "kiosk-7" }), Options.Create(new SignageOptions()), _clock, NullLogger<ProofOfPlayPublisher>.Instance);
}
