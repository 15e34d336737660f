using Edge.Inference.Native;
using Edge.Inference.Tests.Support;
using Edge.TestKit;

namespace Edge.Inference.Tests;

/// <summary>Bad library locations tried: a missing file, the other architecture's build, a file that is not a library, a library that is not ORT.</summary>
public sealed class LibraryLoadTests
{
    [Fact]
    public void Open_MissingFile_NamesPathAndFix()
    {
        var ex = Assert.Throws<OnnxRuntimeLoadException>(() => OrtLibrary.Open("/nowhere/libonnxruntime.so.1"));

        Assert.Equal("/nowhere/libonnxruntime.so.1", ex.LibraryPath);
        Assert.Contains("/nowhere/libonnxruntime.so.1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/fetch-native.sh", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_OtherArchitectureBuild_NamesPathAndArchitecture()
    {
        var other = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.X64 ? "arm64" : "x64";
        var path = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-" + other, "native", "libonnxruntime.so.1");
        if (!File.Exists(path))
        {
            return; // only the native build was fetched; nothing to try
        }

        var ex = Assert.Throws<OnnxRuntimeLoadException>(() => OrtLibrary.Open(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("dlopen failed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/fetch-native.sh", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_TextFile_NamesPath()
    {
        using var dir = new TempDirectory();
        var path = dir.File("libonnxruntime.so.1");
        File.WriteAllText(path, "not a library");

        var ex = Assert.Throws<OnnxRuntimeLoadException>(() => OrtLibrary.Open(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_LibraryWithoutOrtGetApiBase_SaysItIsNotOnnxRuntime()
    {
        const string LibM = "/lib/x86_64-linux-gnu/libm.so.6";
        if (!File.Exists(LibM))
        {
            return;
        }

        var ex = Assert.Throws<OnnxRuntimeLoadException>(() => OrtLibrary.Open(LibM));

        Assert.Contains("not ONNX Runtime", ex.Message, StringComparison.Ordinal);
    }

    [RequiresOnnxRuntimeFact]
    public void Open_FetchedLibrary_ServesApi30AndReportsVersion()
    {
        var (table, version) = OrtLibrary.Open(OrtTestRuntime.LibraryPath);

        Assert.NotEqual(0, table);
        Assert.Equal("1.30.0", version);
        Assert.Equal("1.30.0", OrtTestRuntime.Factory.RuntimeVersion);
    }
}
