using System.Runtime.InteropServices;
using System.Text;

namespace Edge.Inference.Session;

/// <summary>
/// A session's input or output names as NUL-terminated UTF-8 in native memory, allocated once so that a run
/// passes <c>const char* const*</c> without converting or pinning anything.
/// </summary>
internal sealed unsafe class NativeNameTable : IDisposable
{
    private readonly string[] _names;
    private byte** _pointers;

    internal NativeNameTable(string[] names)
    {
        _names = names;
        _pointers = (byte**)NativeMemory.AllocZeroed((nuint)Math.Max(1, names.Length), (nuint)sizeof(byte*));
        for (var i = 0; i < names.Length; i++)
        {
            var byteCount = Encoding.UTF8.GetByteCount(names[i]);
            var p = (byte*)NativeMemory.Alloc((nuint)byteCount + 1);
            Encoding.UTF8.GetBytes(names[i], new Span<byte>(p, byteCount));
            p[byteCount] = 0;
            _pointers[i] = p;
        }
    }

    internal int Count => _names.Length;

    internal IReadOnlyList<string> Names => _names;

    internal byte* this[int index] => _pointers[index];

    /// <summary>Index of <paramref name="name"/>, or -1.</summary>
    internal int IndexOf(string name) => Array.IndexOf(_names, name);

    public void Dispose()
    {
        if (_pointers == null)
        {
            return;
        }

        for (var i = 0; i < _names.Length; i++)
        {
            NativeMemory.Free(_pointers[i]);
        }

        NativeMemory.Free(_pointers);
        _pointers = null;
    }
}
