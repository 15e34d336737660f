using System.Text;
using System.Text.Json;
using Edge.BeaconGateway.Hci;
using Edge.BeaconGateway.Hosting;
using Edge.BeaconGateway.Members;
using Edge.BeaconGateway.Mqtt;
using Edge.BeaconGateway.Pipeline;
using Edge.BeaconGateway.Resolution;
using Edge.BeaconGateway.Tests.Members;
using Edge.Contracts.Presence;
using Edge.Messaging;
using Edge.Messaging.Hosting;
using Edge.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Edge.BeaconGateway.Tests.Hosting;

/// <summary>The core as a host runs it: configuration, hosted services, the real capture, the real broker.</summary>
public sealed class GatewayHostTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private const string Capture = "ble/btsnoop/android-ext-scan-ibeacons.btsnoop";

    [RequiresSharedDataFact(Capture)]
    public async Task BtsnoopSource_AndroidCaptureAsFastAsPossible_OnlyConfiguredBeaconPasses()
    {
        using var dir = new TempDirectory();
        var record = dir.File("support.btsnoop");
        var builder = Builder(new()
        {
            ["BeaconGateway:Source"] = "btsnoop",
            ["BeaconGateway:Btsnoop:ReplayPath"] = Path.Combine(ExternalTools.SharedData!, Capture),
            ["BeaconGateway:Btsnoop:RecordedSpeed"] = "false",
            ["BeaconGateway:Btsnoop:RecordPath"] = record,
            ["BeaconGateway:StoreBeacons:0:Id"] = "capture-beacon",
            ["BeaconGateway:StoreBeacons:0:IBeaconUuid"] = "FDA50693-A4E2-4FB1-AFCF-C6EB07647825",
            ["BeaconGateway:StoreBeacons:0:Major"] = "100",
            ["BeaconGateway:StoreBeacons:0:Minor"] = "19641",
        });
        using var host = builder.Build();
        await host.StartAsync();

        var records = await host.Services.GetRequiredService<BtsnoopReplayService>().Finished.Task.WaitAsync(Timeout);
        var pipeline = host.Services.GetRequiredService<BeaconGatewayPipeline>();
        await host.StopAsync();
        host.Dispose();

        Assert.Equal(7_250, records);
        Assert.Equal(3, pipeline.BeaconAdverts); // the three reports of iBeacon 100/19641 (independent count)
        Assert.Equal(465 - 3, pipeline.StrangerAdverts);
        Assert.Equal(0, pipeline.MemberAdverts);

        using var reader = new Edge.BeaconGateway.Btsnoop.BtsnoopReader(File.OpenRead(record));
        var recorded = 0;
        while (reader.TryReadNext(out _))
        {
            recorded++;
        }

        Assert.Equal(3, recorded); // record mode kept the store beacon only
    }

    [Fact]
    public async Task HciSource_NoRadioOnThisMachine_HostKeepsRunningAndCountsTheFailure()
    {
        using var host = Builder(new() { ["BeaconGateway:Source"] = "hci", ["BeaconGateway:Radio:Device"] = "7" }).Build();

        await host.StartAsync();
        var source = host.Services.GetServices<IHostedService>().OfType<HciSourceService>().Single();
        var deadline = DateTimeOffset.UtcNow + Timeout;
        while (source.Failures == 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Yield();
        }

        Assert.True(source.Failures >= 1, "the missing adapter was not reported");
        Assert.Equal(0, source.Opens);
        Assert.False(source.ExecuteTask!.IsFaulted); // waiting to reopen, not crashed
        await host.StopAsync();
    }

    /// <summary>
    /// Real mosquitto: a raw-advert relay publishes a member's advert and a stranger's; the gateway (members from an
    /// encrypted key file) publishes MemberEntered for the member only, at QoS 1, as JSON of the contracts.
    /// </summary>
    [RequiresMosquittoFact]
    public async Task RemoteRelay_OverRealBroker_PublishesMemberEnteredOnly()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var dir = new TempDirectory();
        var kek = dir.File("kek");
        var keyFile = dir.File("members.emk");
        EncryptedMemberKeyFile.CreateKeyFile(kek);
        var members = MemberIdTableTests.Members(3, seed: 77);
        await EncryptedMemberKeyFile.WriteAsync(keyFile, kek, members, CancellationToken.None);

        var builder = Builder(new()
        {
            ["BeaconGateway:Source"] = "remote",
            ["BeaconGateway:Receivers:0:Id"] = "hub",
            ["BeaconGateway:Receivers:0:Zone"] = "entrance",
            ["BeaconGateway:Receivers:1:Id"] = "esp-dairy",
            ["BeaconGateway:Receivers:1:Zone"] = "dairy",
            ["BeaconGateway:Members:KeyFile"] = keyFile,
            ["BeaconGateway:Members:KeyEncryptionKeyFile"] = kek,
        });
        builder.Services.AddEdgeMqtt(o => o.Server = broker.Uri);
        using var host = builder.Build();
        var gatewayClient = host.Services.GetRequiredService<IMqttClient>();
        await gatewayClient.ConnectAsync().WaitAsync(Timeout);
        await host.StartAsync();
        var remote = host.Services.GetServices<IHostedService>().OfType<Edge.BeaconGateway.Mqtt.LocalBusInbox>().Single();
        await remote.Subscribed.Task.WaitAsync(Timeout);

        await using var relay = new MqttClientFactory().Create(new MqttClientOptions { Server = broker.Uri });
        await relay.ConnectAsync().WaitAsync(Timeout);
        await relay.SubscribeAsync([new MqttSubscription(PresenceTopics.Members + "/#")]).WaitAsync(Timeout);

        var advert = new byte[MemberFrame.AdvertLength];
        MemberFrame.WriteAdvert(advert, RotatingId.Compute(members[2].Key, RotatingId.WindowIndex(DateTimeOffset.UtcNow, RotatingId.DefaultWindow)), -59);
        await relay.PublishAsync(MqttMessage.FromString("store/ble/raw/esp-dairy", """{"mac":"7B:00:00:00:00:09","rssi":-70,"data":"0201060AFF4C0010050B1C6D9E0F"}"""));
        await relay.PublishAsync(MqttMessage.FromString("store/ble/raw/esp-dairy", "{ not json"));
        await relay.PublishAsync(MqttMessage.FromString("store/ble/raw/esp-dairy", $$"""{"mac":"4A:00:00:00:00:02","addrType":1,"rssi":-58,"data":"{{Convert.ToHexString(advert)}}"}"""));

        var message = await relay.Messages.ReadAsync().AsTask().WaitAsync(Timeout);
        var evt = JsonSerializer.Deserialize(message.Payload.Span, PresenceJsonContext.Default.PresenceEvent);

        Assert.Equal("store/presence/members/entered", message.Topic);
        Assert.Equal(MqttQualityOfService.AtLeastOnce, message.Qos);
        var entered = Assert.IsType<MemberEntered>(evt);
        Assert.Equal((members[2].MemberId, "dairy"), (entered.MemberId, entered.Zone));
        Assert.DoesNotContain("7B:00:00:00:00:09", Encoding.UTF8.GetString(message.Payload.Span), StringComparison.OrdinalIgnoreCase);
        var pipeline = host.Services.GetRequiredService<BeaconGatewayPipeline>();
        Assert.Equal(1, pipeline.StrangerAdverts);
        Assert.Equal(1, pipeline.Counters[MalformedReason.RemoteBadJson]);
        Assert.False(relay.Messages.TryRead(out _)); // nothing for the stranger

        await host.StopAsync();
    }

    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddBeaconGatewayCore();
        return builder;
    }
}
