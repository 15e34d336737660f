using Edge.BeaconGateway.Hci;
using Edge.BeaconGateway.Members;
using Edge.BeaconGateway.Pipeline;
using Edge.BeaconGateway.Presence;
using Edge.BeaconGateway.Receivers;
using Edge.BeaconGateway.Resolution;
using Edge.BeaconGateway.Simulation;
using Edge.BeaconGateway.StoreBeacons;
using Edge.BeaconGateway.Tests.Support;
using Edge.Contracts.Presence;
using Edge.TestKit;
using Xunit;

namespace Edge.BeaconGateway.Tests.Simulation;

public sealed class StoreSimulatorTests
{
    /// <summary>
    /// End to end through the real pipeline: 20 members and 200 strangers walk a four-zone store for 15 simulated
    /// minutes (crossing a rotating-ID window boundary), the fake clock drives the key table swap and the
    /// dwell/leave tick. Every member is placed, the zone agrees with the simulator's ground truth most of the
    /// time, strangers cause no event, and only their aggregate count exists.
    /// </summary>
    [Fact]
    public void Simulator_MembersAmongStrangers_TrackedAndStrangersIgnored()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 2, 0, TimeSpan.Zero));
        var options = new SimulatorOptions { Seed = 99, Members = 20, Strangers = 200 };
        var simulator = new StoreSimulator(options, zones: 4, clock.GetUtcNow());
        using var resolver = new RotatingIdResolver(clock, RotatingId.DefaultWindow);
        resolver.UpdateKeys(simulator.MemberKeys);
        resolver.Start();
        var receivers = new ReceiverMap(Enumerable.Range(0, 4).Select(z => new ReceiverOptions { Id = $"r{z}", Zone = $"zone-{z}" }).ToList());
        var sink = new RecordingPresenceSink();
        using var presence = new PresenceEngine(new PresenceOptions(), receivers, sink, clock);
        presence.Start();
        var beacons = new StoreBeaconRegistry([new StoreBeaconOptions { Id = "door", Address = "C0:00:00:00:00:01" }]);
        using var monitor = new StoreBeaconMonitor(beacons, sink, clock);
        var parser = new HciEventParser();
        var pipeline = new BeaconGatewayPipeline(parser, new PrivacyGate(resolver, beacons, parser.Counters), presence, monitor, 0);

        var agree = 0;
        var samples = 0;
        var steps = (int)(TimeSpan.FromMinutes(15) / options.Step);
        for (var i = 0; i < steps; i++)
        {
            simulator.Step(clock.GetUtcNow(), pipeline);
            clock.Advance(options.Step);
            if (i % 10 == 0 && i > 300)
            {
                for (var m = 0; m < options.Members; m++)
                {
                    samples++;
                    agree += presence.CurrentZone($"sim-member-{m:D4}") == $"zone-{simulator.TrueZone(m)}" ? 1 : 0;
                }
            }
        }

        var accuracy = agree / (double)samples;
        Assert.True(accuracy > 0.8, $"zone agreement with ground truth {accuracy:P1}");
        Assert.Equal(20, sink.Events.OfType<MemberEntered>().Select(e => e.MemberId).Distinct().Count());
        Assert.Contains(sink.Events, e => e is MemberMoved);
        Assert.Contains(sink.Events, e => e is MemberDwelled);
        Assert.All(sink.Events, e => Assert.StartsWith("sim-member-", e.MemberId, StringComparison.Ordinal));
        Assert.Equal(20, presence.TrackedMembers);
        Assert.True(pipeline.StrangerAdverts > 10 * pipeline.MemberAdverts / 2, "strangers should outnumber members");
        Assert.Equal(simulator.AdvertsEmitted, pipeline.StrangerAdverts + pipeline.MemberAdverts);
        Assert.Equal(0, parser.Counters.Total);
    }

    /// <summary>
    /// The demo's mode: the phones carry the keys the hub holds (enrolled at the cloud), not the seed's. Member phones
    /// beyond the hub's list advertise like strangers; a member whose key is withdrawn stops being recognised.
    /// </summary>
    [Fact]
    public void AssignMemberKeys_HubMembers_OnlyThoseAreRecognised()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 2, 0, TimeSpan.Zero));
        var options = new SimulatorOptions { Seed = 5, Members = 4, Strangers = 10, MemberKeysFromHub = true };
        var simulator = new StoreSimulator(options, zones: 2, clock.GetUtcNow());
        var hubMembers = HubMembers(2);
        using var resolver = new RotatingIdResolver(clock, RotatingId.DefaultWindow);
        resolver.UpdateKeys(hubMembers);
        var receivers = new ReceiverMap([new ReceiverOptions { Id = "r0", Zone = "a" }, new ReceiverOptions { Id = "r1", Zone = "b" }]);
        var sink = new RecordingPresenceSink();
        using var presence = new PresenceEngine(new PresenceOptions(), receivers, sink, clock);
        var beacons = new StoreBeaconRegistry([]);
        using var monitor = new StoreBeaconMonitor(beacons, sink, clock);
        var parser = new HciEventParser();
        var pipeline = new BeaconGatewayPipeline(parser, new PrivacyGate(resolver, beacons, parser.Counters), presence, monitor, 0);

        simulator.AssignMemberKeys(resolver.Keys);
        for (var i = 0; i < 100; i++)
        {
            simulator.Step(clock.GetUtcNow(), pipeline);
            clock.Advance(options.Step);
        }

        Assert.Equal(2, presence.TrackedMembers);
        Assert.NotNull(presence.CurrentZone("hub-0"));
        Assert.NotNull(presence.CurrentZone("hub-1"));
    }

    private static List<MemberKey> HubMembers(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new MemberKey($"hub-{i}", System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i))[..16]))];
}
