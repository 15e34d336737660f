using Edge.Agent.Tests.Support;
using Edge.Contracts.Agent;
using Edge.Contracts.Cloud;
using Edge.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Edge.Agent.Tests.Bus;

public sealed class BusDispatcherTests
{
    [RequiresMosquittoFact]
    public async Task Start_SeveralHandlersOnOneTopic_SubscribesEachFilterOnce()
    {
        // The member delta applier, consent withdrawal and the revoked-member eraser all handle member deltas: one SUBSCRIBE entry is enough (the
        // broker replaces an identical filter anyway), and the start-up log listed the topic three times.
        await using var broker = await MosquittoBroker.StartAsync();
        var clock = new FakeTimeProvider();
        RefusingPublishClient? client = null;
        await using var agent = await TestAgent.StartAsync(broker, clock, services: s => s.AddSingleton(
            RefusingPublishClient.Factory(new Edge.Messaging.MqttClientFactory(clock), AgentTopics.MemberKeys, refusals: 0, c => client = c)));

        var filters = client!.SubscribedFilters;

        Assert.Contains(CloudTopics.LocalDownFor(DownKinds.MemberDelta), filters);
        Assert.Equal(filters.Count, filters.Distinct(StringComparer.Ordinal).Count());
    }
}
