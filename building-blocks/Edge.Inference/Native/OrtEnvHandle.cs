namespace Edge.Inference.Native;

/// <summary>Owns one OrtEnv; released with OrtApi::ReleaseEnv.</summary>
internal sealed class OrtEnvHandle : OrtSafeHandle
{
    protected override unsafe void Release(nint pointer) => OrtApi.ReleaseEnv(pointer);
}
