namespace Edge.Inference;

/// <summary>
/// Caller buffers bound to a session's inputs and outputs, pinned until rebound or disposed. Write new input values
/// into the bound memory, call <see cref="Run"/>, read the outputs from the bound output memory. Not thread-safe: use
/// one binding per thread.
/// </summary>
public interface IInferenceBinding : IDisposable
{
    /// <summary>Binds <paramref name="buffer"/> (element count = product of <paramref name="shape"/>) to input <paramref name="name"/>.</summary>
    void BindInput<T>(string name, Memory<T> buffer, ReadOnlySpan<long> shape)
        where T : unmanaged;

    /// <summary>Binds <paramref name="buffer"/> to output <paramref name="name"/>; ORT writes the result straight into it.</summary>
    void BindOutput<T>(string name, Memory<T> buffer, ReadOnlySpan<long> shape)
        where T : unmanaged;

    /// <summary>Runs the session on the bound buffers. Allocates nothing when <paramref name="cancellationToken"/> cannot be cancelled.</summary>
    void Run(CancellationToken cancellationToken = default);
}
