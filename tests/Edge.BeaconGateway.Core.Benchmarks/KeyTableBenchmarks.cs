using BenchmarkDotNet.Attributes;
using Edge.BeaconGateway.Members;

namespace Edge.BeaconGateway.Benchmarks;

/// <summary>
/// Rebuilding the rotating-ID table for 1,000,000 members (3 IDs each: one AES-128 key schedule and three blocks
/// per member, plus the hash inserts), as happens at every window boundary, on one thread. The reference is the
/// same AES work through the platform's AES (OpenSSL) for 100,000 members, scaled in the README.
/// </summary>
public class KeyTableBenchmarks
{
    private List<MemberKey> _million = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(11);
        _million = new List<MemberKey>(1_000_000);
        for (var i = 0; i < 1_000_000; i++)
        {
            var key = new byte[16];
            rng.NextBytes(key);
            _million.Add(new MemberKey("m" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), key));
        }
    }

    [Benchmark]
    public int Rebuild1MMembers() => MemberIdTable.Build(_million, 2992374).Count;

    [Benchmark]
    public int PlatformAes100kMembers()
    {
        Span<byte> blocks = stackalloc byte[48];
        var sum = 0;
        for (var i = 0; i < 100_000; i++)
        {
            RotatingId.WriteWindowBlock(blocks[..16], 2992373);
            RotatingId.WriteWindowBlock(blocks[16..32], 2992374);
            RotatingId.WriteWindowBlock(blocks[32..], 2992375);
            Aes128Block.EncryptPortable(_million[i].Key, blocks, blocks);
            sum += blocks[0];
        }

        return sum;
    }
}
