namespace Edge.Inference.Native;

/// <summary>Owns one OrtValue; released with OrtApi::ReleaseValue.</summary>
internal sealed class OrtValueHandle : OrtSafeHandle
{
    protected override unsafe void Release(nint pointer) => OrtApi.ReleaseValue(pointer);
}
