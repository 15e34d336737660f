using Edge.TestKit;

namespace Edge.Trainer.Tests.Support;

/// <summary>Needs both ../shared/data/&lt;relativePath&gt; and ONNX Runtime; skips naming whichever is missing.</summary>
internal sealed class RequiresDataAndOnnxRuntimeFactAttribute : FactAttribute
{
    public RequiresDataAndOnnxRuntimeFactAttribute(string relativePath)
    {
        var root = ExternalTools.SharedData;
        if (root is null || !Path.Exists(Path.Combine(root, relativePath)))
        {
            Skip = $"../shared/data/{relativePath} is missing: check out shared/ beside the repository or set EDGE_SHARED_DATA";
        }
        else if (!File.Exists(Ort.LibraryPath))
        {
            Skip = $"{Ort.LibraryPath} is missing: run scripts/fetch-native.sh (./edge setup) and rebuild";
        }
    }
}
