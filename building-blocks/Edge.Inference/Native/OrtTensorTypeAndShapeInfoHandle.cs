namespace Edge.Inference.Native;

/// <summary>Owns one OrtTensorTypeAndShapeInfo; released with OrtApi::ReleaseTensorTypeAndShapeInfo.</summary>
internal sealed class OrtTensorTypeAndShapeInfoHandle : OrtSafeHandle
{
    protected override unsafe void Release(nint pointer) => OrtApi.ReleaseTensorTypeAndShapeInfo(pointer);
}
