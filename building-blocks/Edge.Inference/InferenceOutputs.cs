using System.Collections;

namespace Edge.Inference;

/// <summary>The outputs of one run, in the requested order; disposing releases them all.</summary>
public sealed class InferenceOutputs : IReadOnlyList<OutputValue>, IDisposable
{
    private readonly OutputValue[] _values;

    internal InferenceOutputs(OutputValue[] values) => _values = values;

    public int Count => _values.Length;

    public OutputValue this[int index] => _values[index];

    /// <summary>The output called <paramref name="name"/>.</summary>
    public OutputValue this[string name] =>
        Array.Find(_values, v => v.Name == name)
        ?? throw new KeyNotFoundException($"No output '{name}' in this result; it has: {string.Join(", ", _values.Select(v => v.Name))}.");

    public IEnumerator<OutputValue> GetEnumerator() => ((IEnumerable<OutputValue>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose()
    {
        foreach (var value in _values)
        {
            value.Dispose();
        }
    }
}
