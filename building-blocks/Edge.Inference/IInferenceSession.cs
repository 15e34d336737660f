namespace Edge.Inference;

/// <summary>
/// A loaded model. <see cref="Run"/> may be called from many threads at once on one session (ORT's Run is
/// thread-safe); disposing waits for runs in progress to leave native code.
/// </summary>
public interface IInferenceSession : IDisposable
{
    /// <summary>File name or the name given when loading from bytes.</summary>
    string ModelName { get; }

    IReadOnlyList<NodeMetadata> Inputs { get; }

    IReadOnlyList<NodeMetadata> Outputs { get; }

    /// <summary>
    /// Runs the model. Dense inputs are pinned and handed to ORT without copying. Returns the requested outputs
    /// (all when <paramref name="outputNames"/> is null) in request order; dispose the result to free them.
    /// Cancelling <paramref name="cancellationToken"/> terminates the run inside ORT (RunOptionsSetTerminate) and throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    InferenceOutputs Run(IReadOnlyList<InputTensor> inputs, IReadOnlyList<string>? outputNames = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// A reusable binding of caller buffers for the hot path: inputs are read from, and outputs written into, caller
    /// memory pinned once, so a run allocates nothing. One binding per thread; many bindings per session.
    /// </summary>
    IInferenceBinding CreateBinding();
}
