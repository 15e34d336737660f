using System.Security.Cryptography;

namespace Edge.Agent.Games;

/// <summary>Uniform [0, 1) from the OS's cryptographic RNG (53 random bits): nobody can predict or steer a draw.</summary>
internal sealed class CryptoGameRandom : IGameRandom
{
    public double NextUnit()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return (BitConverter.ToUInt64(bytes) >> 11) / (double)(1UL << 53);
    }
}
