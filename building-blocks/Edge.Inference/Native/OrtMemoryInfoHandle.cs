namespace Edge.Inference.Native;

/// <summary>Owns one OrtMemoryInfo; released with OrtApi::ReleaseMemoryInfo.</summary>
internal sealed class OrtMemoryInfoHandle : OrtSafeHandle
{
    protected override unsafe void Release(nint pointer) => OrtApi.ReleaseMemoryInfo(pointer);
}
