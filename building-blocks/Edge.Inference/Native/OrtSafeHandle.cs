using System.Runtime.InteropServices;

namespace Edge.Inference.Native;

/// <summary>
/// Base of every handle to an ORT object: the runtime calls <see cref="ReleaseHandle"/> exactly once (on Dispose or,
/// if forgotten, on finalization). <see cref="Live"/> counts handles not yet released, so tests can prove that
/// nothing leaks.
/// </summary>
internal abstract class OrtSafeHandle : SafeHandle
{
    private static long s_live;

    protected OrtSafeHandle()
        : base(0, ownsHandle: true)
    {
    }

    /// <summary>ORT objects created through handles and not yet released (process-wide).</summary>
    internal static long Live => Interlocked.Read(ref s_live);

    public override bool IsInvalid => handle == 0;

    /// <summary>Takes ownership of a pointer ORT just returned.</summary>
    internal void Attach(nint pointer)
    {
        if (pointer != 0)
        {
            SetHandle(pointer);
            Interlocked.Increment(ref s_live);
        }
    }

    protected sealed override bool ReleaseHandle()
    {
        Release(handle);
        Interlocked.Decrement(ref s_live);
        return true;
    }

    protected abstract void Release(nint pointer);
}
