namespace Edge.Trainer.Tests.Support;

/// <summary>A fact that skips, saying what to run, when libonnxruntime.so.1 is not beside the test binaries.</summary>
internal sealed class RequiresOnnxRuntimeFactAttribute : FactAttribute
{
    public RequiresOnnxRuntimeFactAttribute()
    {
        if (!File.Exists(Ort.LibraryPath))
        {
            Skip = $"{Ort.LibraryPath} is missing: run scripts/fetch-native.sh (./edge setup) and rebuild";
        }
    }
}
