using System.Globalization;
using System.Text.Json;
using Edge.Contracts.Presence;
using Edge.Contracts.Zones;
using Edge.Messaging;
using Edge.TestKit;

namespace Edge.BeaconGateway.Tests;

/// <summary>
/// The beacon-gateway process as deployed: configuration, the zones file edge-provision writes, the local broker.
/// Bad inputs tried: a misspelt key under BeaconGateway, a zones file that is not JSON.
/// </summary>
public sealed class ServiceWiringTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [RequiresMosquittoFact]
    public async Task Service_SimulatorWithZonesFile_PublishesMemberPresenceInTheFilesZonesOnly()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var dir = new TempDirectory();
        var zonesFile = dir.File("zones.json");
        var zones = new StoreZones(1, "s042",
        [
            new Zone("entrance", "Entrance", [new ZoneReceiver("hub", ReceiverKind.Hub, new ZonePosition(0, 0), null)]),
            new Zone("dairy", "Dairy", [new ZoneReceiver("esp-dairy", ReceiverKind.Espresense, new ZonePosition(12, 0), -59)]),
        ]);
        await File.WriteAllTextAsync(zonesFile, JsonSerializer.Serialize(zones, ZonesJsonContext.Default.StoreZones));
        await using var observer = new MqttClientFactory().Create(new MqttClientOptions { Server = broker.Uri });
        await observer.ConnectAsync().WaitAsync(Timeout);
        await observer.SubscribeAsync([new MqttSubscription(PresenceTopics.Members + "/#")]).WaitAsync(Timeout);

        await using var service = Start(broker, dir, new()
        {
            ["BeaconGateway__Source"] = "simulator",
            ["BeaconGateway__ZonesFile"] = zonesFile,
            ["BeaconGateway__Simulator__Members"] = "5",
            ["BeaconGateway__Simulator__Strangers"] = "20",
        });

        var message = await observer.Messages.ReadAsync().AsTask().WaitAsync(Timeout);
        var evt = JsonSerializer.Deserialize(message.Payload.Span, PresenceJsonContext.Default.PresenceEvent);

        var entered = Assert.IsType<MemberEntered>(evt);
        Assert.Contains(entered.Zone, (string[])["entrance", "dairy"]); // the file's zones, not the default "store"
        Assert.Equal(MqttQualityOfService.AtLeastOnce, message.Qos);
    }

    [RequiresMosquittoFact]
    public async Task Service_MisspeltKey_ExitsWith78NamingTheKey()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var dir = new TempDirectory();

        await using var service = Start(broker, dir, new() { ["BeaconGateway__Presense__DwellTime"] = "00:01:00" });
        var code = await service.WaitForExitAsync(Timeout);

        Assert.Equal(78, code);
        Assert.Contains("BeaconGateway:Presense", service.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", service.Output, StringComparison.Ordinal);
    }

    [RequiresMosquittoFact]
    public async Task Service_ZonesFileNotJson_ExitsWith78NamingTheFileAndTheFix()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var dir = new TempDirectory();
        var zonesFile = dir.File("zones.json");
        await File.WriteAllTextAsync(zonesFile, "zones: [entrance");

        await using var service = Start(broker, dir, new() { ["BeaconGateway__ZonesFile"] = zonesFile });
        var code = await service.WaitForExitAsync(Timeout);

        Assert.Equal(78, code);
        Assert.Contains(zonesFile, service.Output, StringComparison.Ordinal);
        Assert.Contains("edge-provision zones import", service.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", service.Output, StringComparison.Ordinal);
    }

    private static ServiceProcess Start(MosquittoBroker broker, TempDirectory configDir, Dictionary<string, string?> settings)
    {
        settings["EDGE_CONFIG_DIR"] = configDir.Path;
        settings["Edge__Broker__Host"] = broker.Host;
        settings["Edge__Broker__Port"] = broker.Port.ToString(CultureInfo.InvariantCulture);
        return ServiceProcess.Start(ServiceProcess.BinaryPath("beacon-gateway/Edge.BeaconGateway", "beacon-gateway.dll"), settings);
    }
}
