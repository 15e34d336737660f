using Gateway = Edge.BeaconGateway.Members.RotatingId;
using Shared = Edge.Contracts.Members.RotatingId;

namespace Edge.ReferenceCloud.Tests;

/// <summary>The phone side's derivation (Edge.Contracts, platform AES) and the gateway's (AES-NI where present) agree.</summary>
public sealed class SharedRotatingIdTests
{
    [Fact]
    public void Compute_ManyKeysAndWindows_SharedAndGatewayGiveTheSameId()
    {
        var random = new Random(42);
        var key = new byte[16];
        for (var i = 0; i < 200; i++)
        {
            random.NextBytes(key);
            var window = random.NextInt64(-10, 10_000_000);
            Assert.Equal(Gateway.Compute(key, window), Shared.Compute(key, window));
        }
    }

    [Fact]
    public void Compute_KeyNotSixteenBytes_Refused()
    {
        Assert.Throws<ArgumentException>(() => Shared.Compute(new byte[15], 1));
    }
}
