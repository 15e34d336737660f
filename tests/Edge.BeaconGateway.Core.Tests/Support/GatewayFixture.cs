using Edge.BeaconGateway.Hci;
using Edge.BeaconGateway.Members;
using Edge.BeaconGateway.Pipeline;
using Edge.BeaconGateway.Presence;
using Edge.BeaconGateway.Receivers;
using Edge.BeaconGateway.Resolution;
using Edge.BeaconGateway.StoreBeacons;
using Edge.BeaconGateway.Tests.Members;
using Edge.TestKit;

namespace Edge.BeaconGateway.Tests.Support;

/// <summary>A whole gateway core (resolver, gate, presence, beacons, pipeline) on a fake clock.</summary>
internal sealed class GatewayFixture : IDisposable
{
    public const string StoreUuid = "E2C56DB5-DFFB-48D2-B060-D0F5A71096E0";

    public GatewayFixture(int members = 5, PresenceOptions? options = null, IReadOnlyList<ReceiverOptions>? receivers = null)
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 1, 0, TimeSpan.Zero));
        Members = MemberIdTableTests.Members(members, seed: 42);
        Resolver = new RotatingIdResolver(Clock, RotatingId.DefaultWindow);
        Resolver.UpdateKeys(Members);
        Receivers = new ReceiverMap(receivers ??
        [
            new ReceiverOptions { Id = "hub", Zone = "entrance" },
            new ReceiverOptions { Id = "esp-dairy", Zone = "dairy" },
            new ReceiverOptions { Id = "esp-bakery", Zone = "bakery" },
        ]);
        Beacons = new StoreBeaconRegistry(
        [
            new StoreBeaconOptions { Id = "door", IBeaconUuid = StoreUuid, Major = 1, Minor = 7, SilentAfter = TimeSpan.FromMinutes(5) },
            new StoreBeaconOptions { Id = "till", EddystoneUid = "edd1ebeac04e5defa017/0000000000aa", Address = "C0:00:00:00:00:AA", SilentAfter = TimeSpan.FromMinutes(5) },
        ]);
        Options = options ?? new PresenceOptions();
        Presence = new PresenceEngine(Options, Receivers, Sink, Clock);
        Monitor = new StoreBeaconMonitor(Beacons, Sink, Clock);
        Parser = new HciEventParser();
        Gate = new PrivacyGate(Resolver, Beacons, Parser.Counters);
        Pipeline = new BeaconGatewayPipeline(Parser, Gate, Presence, Monitor, localReceiverIndex: 0);
    }

    public FakeTimeProvider Clock { get; }

    public List<MemberKey> Members { get; }

    public RotatingIdResolver Resolver { get; }

    public ReceiverMap Receivers { get; }

    public StoreBeaconRegistry Beacons { get; }

    public PresenceOptions Options { get; }

    public RecordingPresenceSink Sink { get; } = new();

    public PresenceEngine Presence { get; }

    public StoreBeaconMonitor Monitor { get; }

    public HciEventParser Parser { get; }

    public PrivacyGate Gate { get; }

    public BeaconGatewayPipeline Pipeline { get; }

    /// <summary>The advertising data member <paramref name="index"/>'s phone sends now.</summary>
    public byte[] MemberAdvert(int index, sbyte txAt1m = -59, int windowOffset = 0)
    {
        var window = RotatingId.WindowIndex(Clock.GetUtcNow(), RotatingId.DefaultWindow) + windowOffset;
        var data = new byte[MemberFrame.AdvertLength];
        MemberFrame.WriteAdvert(data, RotatingId.Compute(Members[index].Key, window), txAt1m);
        return data;
    }

    public void Dispose()
    {
        Presence.Dispose();
        Monitor.Dispose();
        Resolver.Dispose();
    }
}
