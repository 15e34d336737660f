namespace Edge.Inference.Native;

/// <summary>Owns one OrtTypeInfo; released with OrtApi::ReleaseTypeInfo.</summary>
internal sealed class OrtTypeInfoHandle : OrtSafeHandle
{
    protected override unsafe void Release(nint pointer) => OrtApi.ReleaseTypeInfo(pointer);
}
