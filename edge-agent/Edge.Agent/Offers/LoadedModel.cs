using Edge.Contracts.Models;
using Edge.Inference;

namespace Edge.Agent.Offers;

/// <summary>
/// A verified, warmed-up model. Scorers lease it for one run; a swapped-out model is disposed only when its last
/// lease ends, so a swap never breaks a run in flight.
/// </summary>
internal sealed class LoadedModel(IInferenceSession session, ModelManifest manifest, FeatureSchema schema)
{
    private int _leases = 1; // the holder's own reference
    private int _disposed;

    public IInferenceSession Session { get; } = session;

    public ModelManifest Manifest { get; } = manifest;

    public FeatureSchema Schema { get; } = schema;

    public bool TryLease()
    {
        while (true)
        {
            var current = Volatile.Read(ref _leases);
            if (current == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _leases, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _leases) == 0 && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Session.Dispose();
        }
    }
}
