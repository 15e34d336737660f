using BenchmarkDotNet.Attributes;
using Edge.BeaconGateway.Advertising;
using Edge.BeaconGateway.Hci;
using Edge.BeaconGateway.Members;
using Edge.BeaconGateway.Pipeline;
using Edge.BeaconGateway.Presence;
using Edge.BeaconGateway.Receivers;
using Edge.BeaconGateway.Resolution;
using Edge.BeaconGateway.StoreBeacons;
using Edge.Contracts.Presence;

namespace Edge.BeaconGateway.Benchmarks;

/// <summary>
/// Reports per second through parse -> privacy gate (resolve) -> Kalman filter -> zone, replayed from memory:
/// 1,000 members present, each among 10 strangers (10,000 stranger adverts: foreign iBeacons, Eddystone, phones
/// with our frame but unknown keys, random manufacturer data), one legacy report per HCI event, shuffled.
/// The baseline is the parser alone on the same events (counting reports), so the ratio is the cost of the rest.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int Members = 1_000;
    private const int StrangersPerMember = 10;
    private byte[][] _events = [];
    private BeaconGatewayPipeline _pipeline = null!;
    private HciEventParser _parserOnly = null!;
    private DateTimeOffset _at;

    public static int Reports => Members * (1 + StrangersPerMember);

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(7);
        var time = TimeProvider.System;
        _at = time.GetUtcNow();
        var keys = Enumerable.Range(0, Members).Select(i =>
        {
            var key = new byte[16];
            rng.NextBytes(key);
            return new MemberKey($"member-{i:D5}", key);
        }).ToList();
        var resolver = new RotatingIdResolver(time, RotatingId.DefaultWindow);
        resolver.UpdateKeys(keys);
        var receivers = new ReceiverMap([new ReceiverOptions { Id = "hub", Zone = "entrance" }, new ReceiverOptions { Id = "esp", Zone = "dairy" }]);
        var beacons = new StoreBeaconRegistry([new StoreBeaconOptions { Id = "door", IBeaconUuid = "E2C56DB5-DFFB-48D2-B060-D0F5A71096E0", Major = 1, Minor = 1 }]);
        var sink = new NullSink();
        var parser = new HciEventParser();
        _pipeline = new BeaconGatewayPipeline(parser, new PrivacyGate(resolver, beacons, parser.Counters),
            new PresenceEngine(new PresenceOptions(), receivers, sink, time), new StoreBeaconMonitor(beacons, sink, time), 0);
        _parserOnly = new HciEventParser();

        var window = RotatingId.WindowIndex(_at, RotatingId.DefaultWindow);
        var events = new List<byte[]>();
        var buffer = new byte[64];
        var data = new byte[MemberFrame.AdvertLength];
        for (var m = 0; m < Members; m++)
        {
            MemberFrame.WriteAdvert(data, RotatingId.Compute(keys[m].Key, window), -59);
            events.Add(Encode(buffer, 0x4A0000000000UL + (uint)m, data, (sbyte)rng.Next(-90, -40)));
            for (var s = 0; s < StrangersPerMember; s++)
            {
                events.Add(Encode(buffer, 0x7B0000000000UL + (ulong)rng.NextInt64(1L << 40), Stranger(rng, s % 4, window), (sbyte)rng.Next(-95, -30)));
            }
        }

        _events = [.. events.OrderBy(_ => rng.Next())];
        Pipeline(); // first sightings allocate the members' state once; the benchmark measures steady state
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 11_000)]
    public int ParseOnly()
    {
        var handler = new CountingHandler();
        foreach (var evt in _events)
        {
            _parserOnly.Parse(evt, ref handler);
        }

        return handler.Count;
    }

    [Benchmark(OperationsPerInvoke = 11_000)]
    public long Pipeline()
    {
        foreach (var evt in _events)
        {
            _pipeline.OnHciEvent(evt, _at);
        }

        return _pipeline.MemberAdverts;
    }

    private static byte[] Encode(byte[] buffer, ulong address, byte[] data, sbyte rssi)
    {
        var length = AdvertisingReportEncoder.EncodeLegacy(buffer, 0x03, new BleAddress(address, AddressType.Random), data, rssi);
        return buffer[..length];
    }

    private static byte[] Stranger(Random rng, int kind, long window)
    {
        var data = new byte[kind == 1 ? MemberFrame.AdvertLength : 30];
        rng.NextBytes(data);
        switch (kind)
        {
            case 0:
                byte[] ibeacon = [0x02, 0x01, 0x06, 0x1A, 0xFF, 0x4C, 0x00, 0x02, 0x15, .. data[..21]];
                return ibeacon;
            case 1:
                var key = new byte[16];
                rng.NextBytes(key);
                MemberFrame.WriteAdvert(data, RotatingId.Compute(key, window), -60);
                return data;
            case 2:
                byte[] uid = [0x03, 0x03, 0xAA, 0xFE, 0x17, 0x16, 0xAA, 0xFE, 0x00, .. data[..19]];
                return uid;
            default:
                byte[] manufacturer = [0x02, 0x01, 0x1A, 0x12, 0xFF, .. data[..17]];
                return manufacturer;
        }
    }

    private struct CountingHandler : IAdvertisingReportHandler
    {
        public int Count;

        public void OnAdvertisingReport(in AdvertisingReport report) => Count++;
    }

    private sealed class NullSink : IPresenceSink
    {
        public void Publish(PresenceEvent presenceEvent)
        {
        }

        public void Publish(StoreBeaconEvent beaconEvent)
        {
        }
    }
}
