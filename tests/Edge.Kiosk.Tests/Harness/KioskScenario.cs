using System.Text.Json;
using Edge.Contracts.Agent;
using Edge.Messaging;
using Edge.TestKit;
using Microsoft.Playwright;

namespace Edge.Kiosk.Tests.Harness;

/// <summary>Everything a browser journey needs: a real mosquitto, the fake edge-agent, kiosk-ui on a fake clock, chromium, and a bus client for the test.</summary>
public sealed class KioskScenario : IAsyncDisposable
{
    private KioskScenario(MosquittoBroker broker, FakeAgent? agent, KioskHost kiosk, Browser browser, IMqttClient bus)
    {
        Broker = broker;
        Agent = agent;
        Kiosk = kiosk;
        Browser = browser;
        Bus = bus;
    }

    public MosquittoBroker Broker { get; }

    public FakeAgent? Agent { get; }

    public KioskHost Kiosk { get; }

    public Browser Browser { get; }

    public IMqttClient Bus { get; }

    /// <summary>Starts it all. <paramref name="agentUp"/> false points the kiosk at a closed port (edge-agent down).</summary>
    public static async Task<KioskScenario> StartAsync(bool agentUp = true, Action<TempDirectory>? prepare = null, IDictionary<string, string?>? settings = null)
    {
        var broker = await MosquittoBroker.StartAsync();
        var agent = agentUp ? await FakeAgent.StartAsync() : null;
        var agentUrl = agent?.Url ?? $"http://127.0.0.1:{FreePort.Next()}";
        var kiosk = await KioskHost.StartAsync(agentUrl, broker.Port, prepare, settings);
        var browser = await Browser.LaunchAsync();
        var bus = new MqttClientFactory().Create(new MqttClientOptions { Server = broker.Uri, ClientId = "kiosk-test-" + Guid.NewGuid().ToString("N")[..8] });
        await bus.ConnectAsync();
        var scenario = new KioskScenario(broker, agent, kiosk, browser, bus);
        await scenario.WaitForKioskOnBusAsync();
        return scenario;
    }

    public Task<IPage> NewPageAsync(int width = 1080, int height = 1920) => Browser.NewPageAsync(width, height);

    public string Url(string path) => Kiosk.Url + path;

    /// <summary>edge-agent's decision for Jane in the kiosk's zone, as it arrives on the local bus.</summary>
    public async Task PublishOfferAsync(string zone = "entrance", string firstName = "Jane")
    {
        var offer = new OfferIssued("c-coffee", FakeAgent.MemberId, firstName, zone, null, FakeAgent.Coffee, DateTimeOffset.UnixEpoch);
        await Bus.PublishAsync(AgentTopics.OffersFor(zone), JsonSerializer.SerializeToUtf8Bytes(offer, AgentBusJsonContext.Default.OfferIssued));
    }

    public async ValueTask DisposeAsync()
    {
        await Bus.DisposeAsync();
        await Browser.DisposeAsync();
        await Kiosk.DisposeAsync();
        if (Agent is not null)
        {
            await Agent.DisposeAsync();
        }

        await Broker.DisposeAsync();
    }

    private Task WaitForKioskOnBusAsync() =>
        Kiosk.Get<Edge.Kiosk.Proximity.LocalBusListener>().Subscribed.WaitAsync(TimeSpan.FromSeconds(15));
}
