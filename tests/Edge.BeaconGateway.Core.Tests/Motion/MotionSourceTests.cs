using System.Text.Json;
using Edge.BeaconGateway.Hosting;
using Edge.BeaconGateway.Motion;
using Edge.Contracts.Motion;
using Edge.Messaging;
using Edge.Messaging.Hosting;
using Edge.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.BeaconGateway.Tests.Motion;

public sealed class MotionSourceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public void Open_ChipMissing_ClearErrorNamingTheChipAndTheFix()
    {
        // This machine has no GPIO chip (and maybe no libgpiod): either way one message that says what to do.
        var ex = Assert.Throws<MotionSensorUnavailableException>(() => GpiodMotionSensors.Open(
            new MotionOptions { Chip = "gpiochip-not-here", Sensors = [new MotionSensorOptions { Id = "pir", Line = 3, Zone = "z" }] },
            TimeProvider.System));

        Assert.True(
            ex.Message.Contains("'gpiochip-not-here'", StringComparison.Ordinal) || ex.Message.Contains("libgpiod2", StringComparison.Ordinal),
            ex.Message);
        Assert.Contains("BeaconGateway:Motion", ex.Message, StringComparison.Ordinal);
    }

    [RequiresMosquittoFact]
    public async Task Host_SimulatedPirInZone_RetainedMotionOnTheLocalBus()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BeaconGateway:Source"] = "remote",
            ["BeaconGateway:Motion:Source"] = "simulated",
            ["BeaconGateway:Motion:Sensors:0:Id"] = "pir-door",
            ["BeaconGateway:Motion:Sensors:0:Line"] = "4",
            ["BeaconGateway:Motion:Sensors:0:Zone"] = "entrance",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddBeaconGatewayCore();
        builder.Services.AddEdgeMqtt(o => o.Server = broker.Uri);
        using var host = builder.Build();
        await host.Services.GetRequiredService<IMqttClient>().ConnectAsync().WaitAsync(Timeout);
        await host.StartAsync();
        Assert.True(await host.Services.GetRequiredService<MotionService>().Opened.Task.WaitAsync(Timeout));

        await using var live = new MqttClientFactory().Create(new MqttClientOptions { Server = broker.Uri });
        await live.ConnectAsync().WaitAsync(Timeout);
        await live.SubscribeAsync([new MqttSubscription(MotionTopics.AllMotion)]).WaitAsync(Timeout);

        host.Services.GetRequiredService<SimulatedMotionSensors>().Trigger("pir-door", true, DateTimeOffset.UnixEpoch);
        await live.Messages.ReadAsync().AsTask().WaitAsync(Timeout);

        // A screen that subscribes afterwards still learns the state: the message is retained.
        await using var screen = new MqttClientFactory().Create(new MqttClientOptions { Server = broker.Uri });
        await screen.ConnectAsync().WaitAsync(Timeout);
        await screen.SubscribeAsync([new MqttSubscription(MotionTopics.AllMotion)]).WaitAsync(Timeout);
        var message = await screen.Messages.ReadAsync().AsTask().WaitAsync(Timeout);

        Assert.Equal("store/zones/entrance/motion", message.Topic);
        Assert.True(message.Retain);
        Assert.Equal(new ZoneMotion("entrance", true, DateTimeOffset.UnixEpoch), JsonSerializer.Deserialize(message.Payload.Span, MotionJsonContext.Default.ZoneMotion));
        await host.StopAsync();
    }
}
