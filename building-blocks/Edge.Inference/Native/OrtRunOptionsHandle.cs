namespace Edge.Inference.Native;

/// <summary>Owns one OrtRunOptions; released with OrtApi::ReleaseRunOptions. Carries the terminate flag used for cancellation.</summary>
internal sealed unsafe class OrtRunOptionsHandle : OrtSafeHandle
{
    /// <summary>Cancellation callback: sets ORT's terminate flag so the running session stops at the next node.</summary>
    internal static readonly Action<object?> TerminateCallback = static state => ((OrtRunOptionsHandle)state!).Terminate();

    internal static OrtRunOptionsHandle Create()
    {
        var handle = new OrtRunOptionsHandle();
        nint pointer;
        OrtApi.Check(OrtApi.CreateRunOptions(&pointer));
        handle.Attach(pointer);
        return handle;
    }

    internal void Terminate()
    {
        var added = false;
        try
        {
            DangerousAddRef(ref added);
            var status = OrtApi.RunOptionsSetTerminate(handle);
            OrtApi.ReleaseStatus(status);
        }
        catch (ObjectDisposedException)
        {
            // The run already finished and released its options.
        }
        finally
        {
            if (added)
            {
                DangerousRelease();
            }
        }
    }

    internal void ResetTerminate() => OrtApi.Check(OrtApi.RunOptionsUnsetTerminate(handle));

    protected override void Release(nint pointer) => OrtApi.ReleaseRunOptions(pointer);
}
