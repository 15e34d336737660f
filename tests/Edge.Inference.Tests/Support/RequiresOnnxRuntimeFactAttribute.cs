namespace Edge.Inference.Tests.Support;

/// <summary>A fact that skips, saying what to run, when libonnxruntime.so.1 is not beside the test binaries.</summary>
internal sealed class RequiresOnnxRuntimeFactAttribute : FactAttribute
{
    public RequiresOnnxRuntimeFactAttribute()
    {
        if (OrtTestRuntime.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
