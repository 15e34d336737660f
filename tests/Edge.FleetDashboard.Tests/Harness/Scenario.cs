using Edge.TestKit;

namespace Edge.FleetDashboard.Tests.Harness;

/// <summary>A broker, the dashboard on it, and a hub's simulated edge node (whose client can also watch topics).</summary>
internal sealed class Scenario : IAsyncDisposable
{
    private Scenario(MosquittoBroker broker, DashboardHost host, BrokerWatcher hub, string store)
    {
        Broker = broker;
        Host = host;
        Hub = hub;
        Node = new SimulatedEdgeNode(hub.Client, DashboardHost.Group, store);
    }

    public MosquittoBroker Broker { get; }

    public DashboardHost Host { get; }

    public BrokerWatcher Hub { get; }

    public SimulatedEdgeNode Node { get; }

    public static async Task<Scenario> StartAsync(string store, IDictionary<string, string?>? settings = null, params string[] watch)
    {
        var broker = await MosquittoBroker.StartAsync();
        var host = await DashboardHost.StartAsync(broker, settings);
        return new Scenario(broker, host, await BrokerWatcher.ConnectAsync(broker, watch), store);
    }

    /// <summary>The hub's NBIRTH with cloud-sync's metrics and bdSeq, waited for until the store is online.</summary>
    public async Task BirthAsync(long bdSeq = 1)
    {
        await Node.BirthAsync(bdSeq, SimulatedEdgeNode.HubMetrics(bdSeq, Host.Clock.GetUtcNow()));
        await Host.WaitForStoreAsync(Node.Node, s => s.Online && s.BdSeq == bdSeq);
    }

    public HttpClient Http(bool htmx = false)
    {
        var http = new HttpClient { BaseAddress = new Uri(Host.Url) };
        if (htmx)
        {
            http.DefaultRequestHeaders.Add("HX-Request", "true");
        }

        return http;
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Host.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
