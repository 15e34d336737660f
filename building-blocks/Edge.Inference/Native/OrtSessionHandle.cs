namespace Edge.Inference.Native;

/// <summary>
/// Owns one OrtSession; released with OrtApi::ReleaseSession. Native memory that runs read (the UTF-8 name tables)
/// is attached here and freed only after the session itself, so a Dispose racing a Run in another thread never frees
/// memory that Run still uses (SafeHandle defers the release until the last DangerousRelease).
/// </summary>
internal sealed class OrtSessionHandle : OrtSafeHandle
{
    private IDisposable[] _companions = [];

    internal void OwnAlso(params IDisposable[] companions) => _companions = companions;

    protected override unsafe void Release(nint pointer)
    {
        OrtApi.ReleaseSession(pointer);
        foreach (var companion in _companions)
        {
            companion.Dispose();
        }
    }
}
