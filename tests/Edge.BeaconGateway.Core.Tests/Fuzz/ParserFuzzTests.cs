using Edge.BeaconGateway.Advertising;
using Edge.BeaconGateway.Btsnoop;
using Edge.BeaconGateway.Hci;
using Edge.BeaconGateway.Resolution;
using Edge.BeaconGateway.Tests.Support;
using Edge.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace Edge.BeaconGateway.Tests.Fuzz;

/// <summary>
/// Seeded, reproducible fuzzing of everything that reads bytes from the air or from disk: 1,000,000 HCI event
/// buffers (random, and mutations of valid legacy/extended/fragmented/iBeacon/Eddystone/member events: bit flips,
/// random bytes, truncation, lying length bytes, inserted and deleted bytes, splices) through the parser, the AD
/// walker, every decoder and the privacy gate; and 200,000 btsnoop files (mutations of a valid capture). Nothing may
/// throw, each run must finish within its time limit, and rejections must be counted by reason.
/// </summary>
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261123;

    [Fact]
    public async Task Parse_MillionRandomAndMutatedEvents_NeverThrowsAndCountsReasons()
    {
        // A hang surfaces as a TimeoutException after two minutes instead of a stuck test run.
        var (exceptions, counters, reports) = await Task.Run(() => FuzzEvents(Seed, 1_000_000)).WaitAsync(TimeSpan.FromMinutes(2));

        output.WriteLine($"reports decoded: {reports}");
        foreach (var (reason, count) in counters.OrderBy(c => c.Key))
        {
            output.WriteLine($"{reason}: {count}");
        }

        Assert.Equal(0, exceptions);
        Assert.True(reports > 100_000, $"only {reports} reports survived: the mutations are too destructive to test decoding");
        foreach (var reason in new[]
        {
            MalformedReason.EventTooShort, MalformedReason.EventLengthMismatch, MalformedReason.UnknownLeSubevent,
            MalformedReason.BadReportCount, MalformedReason.ReportTruncated, MalformedReason.TrailingBytes,
            MalformedReason.FragmentTruncatedByController, MalformedReason.ReservedDataStatus,
        })
        {
            Assert.True(counters.GetValueOrDefault(reason) > 0, $"no {reason} counted");
        }

        // Same seed, same result: a failure found here can be replayed.
        var again = FuzzEvents(Seed, 20_000);
        var first = FuzzEvents(Seed, 20_000);
        Assert.Equal(first.Counters, again.Counters);
    }

    [Fact]
    public async Task Reader_MutatedBtsnoopFiles_NeverThrowsNorHangs()
    {
        var valid = ValidCapture();
        var run = Task.Run(() =>
        {
            var rng = new Random(Seed);
            var counters = new MalformedCounters();
            var parser = new HciEventParser(counters);
            var handler = new CountingHandler();
            long records = 0;
            var exceptions = 0;
            for (var i = 0; i < 200_000; i++)
            {
                var file = Mutate(rng, valid, mutations: 1 + rng.Next(4));
                try
                {
                    using var reader = new BtsnoopReader(new MemoryStream(file), counters);
                    while (reader.TryReadNext(out var record))
                    {
                        records++;
                        if (record.PacketType == HciPacketType.Event)
                        {
                            parser.Parse(record.Packet, ref handler);
                        }
                    }
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    exceptions++;
                }
            }

            return (exceptions, records, counters.Snapshot());
        });

        var (exceptions, records, snapshot) = await run.WaitAsync(TimeSpan.FromMinutes(2));
        output.WriteLine($"records read: {records}; " + string.Join(", ", snapshot.Select(kv => $"{kv.Key}={kv.Value}")));
        Assert.Equal(0, exceptions);
        Assert.True(records > 200_000);
        Assert.True(snapshot.GetValueOrDefault(MalformedReason.BtsnoopTruncatedRecord) > 0);
        Assert.True(snapshot.GetValueOrDefault(MalformedReason.BtsnoopBadHeader) > 0);
        Assert.True(snapshot.GetValueOrDefault(MalformedReason.BtsnoopBadRecordLength) > 0);
    }

    private static (int Exceptions, IReadOnlyDictionary<MalformedReason, long> Counters, long Reports) FuzzEvents(int seed, int count)
    {
        var rng = new Random(seed);
        using var fixture = new GatewayFixture(members: 3);
        var counters = new MalformedCounters();
        var parser = new HciEventParser(counters);
        var handler = new DecodingHandler(fixture.Gate);
        var corpus = Corpus(fixture);
        var exceptions = 0;
        var buffer = new byte[300];
        for (var i = 0; i < count; i++)
        {
            byte[] input;
            if (i % 10 == 0)
            {
                input = buffer.AsSpan(0, rng.Next(0, 260)).ToArray();
                rng.NextBytes(input);
                if (input.Length > 2 && rng.Next(2) == 0)
                {
                    input[0] = HciConstants.EventLeMeta;
                    input[2] = rng.Next(2) == 0 ? HciConstants.SubeventExtendedAdvertisingReport : HciConstants.SubeventAdvertisingReport;
                }
            }
            else
            {
                input = Mutate(rng, corpus[rng.Next(corpus.Count)], mutations: rng.Next(1, 4));
                if (rng.Next(3) == 0 && input.Length >= 2)
                {
                    input[1] = (byte)(input.Length - 2); // keep the length honest so the report fields get fuzzed
                }
            }

            try
            {
                parser.Parse(input, ref handler);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                exceptions++;
            }
        }

        return (exceptions + handler.Exceptions, counters.Snapshot(), handler.Reports);
    }

    private static List<byte[]> Corpus(GatewayFixture f)
    {
        byte[] uid = [0x17, 0x16, 0xAA, 0xFE, 0x00, 0xEE, 0xED, 0xD1, 0xEB, 0xEA, 0xC0, 0x4E, 0x5D, 0xEF, 0xA0, 0x17, 0, 0, 0, 0, 0, 0xAA, 0, 0];
        byte[] tlm = [0x11, 0x16, 0xAA, 0xFE, 0x20, 0x00, 0x0B, 0xB8, 0x17, 0x80, 0, 0, 0, 1, 0, 0, 0, 2];
        byte[] url = [0x0E, 0x16, 0xAA, 0xFE, 0x10, 0xEB, 0x03, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', 0x07];
        byte[] alt = [0x1B, 0xFF, 0x18, 0x01, 0xBE, 0xAC, .. new byte[20], 0xC5, 0x00];
        var ibeacon = HciEvents.IBeaconAdvert(GatewayFixture.StoreUuid, 1, 7, -59);
        var member = f.MemberAdvert(1);
        var big = Enumerable.Range(0, 400).Select(i => (byte)i).ToArray();
        var events = new List<byte[]>
        {
            HciEvents.Legacy(0, 1, 0x4A01, ibeacon, -60),
            HciEvents.Legacy(3, 0, 0xC000000000AA, tlm, -70),
            HciEvents.Legacy(3, 1, 0x4A02, member, -55),
            HciEvents.Extended(new ExtendedReport(1, uid), new ExtendedReport(2, url), new ExtendedReport(3, alt)),
            HciEvents.Extended(new ExtendedReport(4, member), new ExtendedReport(5, ibeacon)),
            HciEvents.Extended(new ExtendedReport(6, big[..200], DataStatus: 1)),
            HciEvents.Extended(new ExtendedReport(6, big[200..229], DataStatus: 0)),
            HciEvents.Extended(new ExtendedReport(7, big[..100], DataStatus: 2)),
            new byte[] { 0x0E, 0x04, 0x01, 0x42, 0x20, 0x00 },
        };
        return events;
    }

    internal static byte[] Mutate(Random rng, byte[] input, int mutations)
    {
        var data = new List<byte>(input);
        for (var m = 0; m < mutations; m++)
        {
            switch (rng.Next(7))
            {
                case 0 when data.Count > 0:
                    var i = rng.Next(data.Count);
                    data[i] ^= (byte)(1 << rng.Next(8));
                    break;
                case 1 when data.Count > 0:
                    data[rng.Next(data.Count)] = (byte)rng.Next(256);
                    break;
                case 2:
                    var cut = rng.Next(data.Count + 1); // truncation
                    data.RemoveRange(cut, data.Count - cut);
                    break;
                case 3 when data.Count > 1:
                    data[rng.Next(2)] = (byte)rng.Next(256); // event code or length byte lies
                    break;
                case 4:
                    data.Insert(rng.Next(data.Count + 1), (byte)rng.Next(256));
                    break;
                case 5 when data.Count > 0:
                    data.RemoveAt(rng.Next(data.Count));
                    break;
                case 6 when data.Count > 4:
                    var at = rng.Next(data.Count);
                    var length = Math.Min(rng.Next(1, 16), data.Count - at);
                    data.InsertRange(rng.Next(data.Count), data.GetRange(at, length)); // splice a copy elsewhere
                    break;
            }
        }

        return [.. data];
    }

    private static byte[] ValidCapture()
    {
        using var stream = new MemoryStream();
        using (var writer = new BtsnoopWriter(stream, leaveOpen: true))
        {
            var at = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
            writer.Write(HciPacketType.Command, [0x41, 0x20, 0x08, 0, 0, 1, 0, 0x60, 0, 0x60, 0], false, at);
            writer.Write(HciPacketType.Event, [0x0E, 0x04, 0x01, 0x41, 0x20, 0x00], true, at);
            for (var i = 0; i < 6; i++)
            {
                writer.Write(HciPacketType.Event, HciEvents.Legacy(0, 1, (ulong)(0x4A00 + i), HciEvents.IBeaconAdvert(GatewayFixture.StoreUuid, 1, (ushort)i, -59), -60), true, at.AddMilliseconds(i * 100));
            }
        }

        return stream.ToArray();
    }

    /// <summary>Runs every decoder and the privacy gate on each report, as the gateway and diagnostics would.</summary>
    private sealed class DecodingHandler(PrivacyGate gate) : IAdvertisingReportHandler
    {
        public long Reports { get; private set; }

        public int Exceptions { get; private set; }

        public void OnAdvertisingReport(in AdvertisingReport report)
        {
            Reports++;
            try
            {
                var data = report.Data;
                _ = gate.Classify(data, report.Address);
                _ = AdvertisingData.IsWellFormed(data);
                _ = AdvertisingData.TryGetFlags(data, out _);
                _ = AdvertisingData.TryGetTxPowerLevel(data, out _);
                _ = AdvertisingData.TryGetManufacturerData(data, out _, out _);
                _ = IBeaconFrame.TryParse(data, out _);
                _ = AltBeaconFrame.TryParse(data, out _);
                if (Eddystone.TryGetFrame(data, out _, out var frame))
                {
                    _ = EddystoneUid.TryParse(frame, out _);
                    _ = EddystoneUrl.TryParse(frame, out _);
                    _ = EddystoneTlm.TryParse(frame, out _);
                    _ = EddystoneEid.TryParse(frame, out _);
                }

                _ = report.Address.RandomKind;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Exceptions++;
            }
        }
    }
}
