using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Edge.BeaconGateway.Motion;

/// <summary>Motion edges pushed by code: the demo's simulated store and tests.</summary>
public sealed class SimulatedMotionSensors : IMotionSensors
{
    private readonly Channel<MotionEdge> _edges = Channel.CreateUnbounded<MotionEdge>();

    public void Trigger(string sensorId, bool active, DateTimeOffset at) => _edges.Writer.TryWrite(new MotionEdge(sensorId, active, at));

    public async IAsyncEnumerable<MotionEdge> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var edge in _edges.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return edge;
        }
    }

    public ValueTask DisposeAsync()
    {
        _edges.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
