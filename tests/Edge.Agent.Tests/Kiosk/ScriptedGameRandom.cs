using System.Collections.Concurrent;
using Edge.Agent.Games;

namespace Edge.Agent.Tests.Kiosk;

/// <summary>Game outcomes a test chooses: each draw or spin takes the next value; running out fails the test loudly.</summary>
internal sealed class ScriptedGameRandom(params double[] values) : IGameRandom
{
    private readonly ConcurrentQueue<double> _values = new(values);

    public void Enqueue(params double[] values)
    {
        foreach (var v in values)
        {
            _values.Enqueue(v);
        }
    }

    public double NextUnit() => _values.TryDequeue(out var v) ? v : throw new InvalidOperationException("The test scripted no more random values.");
}
