using System.Net.Http.Headers;
using Edge.TestKit;

namespace Edge.Agent.Tests.Support;

/// <summary>
/// A store for a scenario test: real broker, the real agent (SQLite file in a temp folder) on a fake clock, its HTTP
/// client holding one caller's bearer token, and a bus probe on the scenario's topics.
/// </summary>
internal abstract class FakeClockStore : IAsyncDisposable
{
    protected FakeClockStore((MosquittoBroker Broker, TestAgent Agent, BusProbe Bus, FakeTimeProvider Time) parts)
    {
        (Broker, Agent, Bus, Time) = parts;
    }

    public MosquittoBroker Broker { get; }

    public TestAgent Agent { get; }

    public BusProbe Bus { get; }

    public FakeTimeProvider Time { get; }

    public long Count(string sql, params object[] values) =>
        Agent.Get<Edge.Agent.Storage.AgentDatabase>().Read(c => Edge.Agent.Storage.SqlExtensions.Long(c, sql, values));

    public async ValueTask DisposeAsync()
    {
        await Bus.DisposeAsync();
        await Agent.DisposeAsync();
        await Broker.DisposeAsync();
    }

    protected static async Task<(MosquittoBroker, TestAgent, BusProbe, FakeTimeProvider)> StartPartsAsync(
        IReadOnlyDictionary<string, string> settings, string bearerToken, string[] busFilters, Action<IServiceCollection>? services = null)
    {
        var broker = await MosquittoBroker.StartAsync();
        var time = new FakeTimeProvider();
        var agent = await TestAgent.StartAsync(broker, time, settings, services: services);
        agent.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        var bus = await BusProbe.ConnectAsync(broker, busFilters);
        return (broker, agent, bus, time);
    }
}
