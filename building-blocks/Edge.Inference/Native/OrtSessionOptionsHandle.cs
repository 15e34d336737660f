namespace Edge.Inference.Native;

/// <summary>Owns one OrtSessionOptions; released with OrtApi::ReleaseSessionOptions.</summary>
internal sealed class OrtSessionOptionsHandle : OrtSafeHandle
{
    protected override unsafe void Release(nint pointer) => OrtApi.ReleaseSessionOptions(pointer);
}
