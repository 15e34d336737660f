using System.Runtime.InteropServices;

namespace Edge.Inference.Native;

/// <summary>
/// Loads libonnxruntime.so.1 once per process and fills <see cref="OrtApi"/>. The library comes from the app's
/// runtimes/&lt;rid&gt;/native/ folder (copied there by Directory.Build.targets) or from a configured path; any
/// failure becomes one <see cref="OnnxRuntimeLoadException"/> that names the path and the fix.
/// </summary>
internal static unsafe class OrtLibrary
{
    internal const string FileName = "libonnxruntime.so.1";

    private static readonly Lock s_gate = new();
    private static string? s_loadedPath;
    private static string? s_version;

    internal static string? LoadedPath => s_loadedPath;

    internal static string Version => s_version ?? string.Empty;

    /// <summary>runtimes/linux-x64/native/libonnxruntime.so.1 under the app folder (arm64 on a Pi).</summary>
    internal static string DefaultPath()
    {
        var arch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            var other => other.ToString().ToLowerInvariant(),
        };
        return Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-" + arch, "native", FileName);
    }

    /// <summary>
    /// Opens <paramref name="path"/> and returns its OrtApi table and version, without making it the process's runtime.
    /// Every way this can fail becomes an <see cref="OnnxRuntimeLoadException"/> naming the path.
    /// </summary>
    internal static (nint Table, string Version) Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new OnnxRuntimeLoadException(path, "the file does not exist");
        }

        nint handle;
        try
        {
            handle = NativeLibrary.Load(path);
        }
        catch (DllNotFoundException ex)
        {
            // dlopen's own words ("wrong ELF class", "invalid ELF header") are the most precise diagnosis.
            throw new OnnxRuntimeLoadException(path, $"dlopen failed, is it the linux-{Arch} build? ({ex.Message.Trim()})", ex);
        }
        catch (BadImageFormatException ex)
        {
            throw new OnnxRuntimeLoadException(path, $"not a linux-{Arch} shared library ({ex.Message.Trim()})", ex);
        }

        if (!NativeLibrary.TryGetExport(handle, "OrtGetApiBase", out var getApiBase))
        {
            NativeLibrary.Free(handle);
            throw new OnnxRuntimeLoadException(path, "it does not export OrtGetApiBase, so it is not ONNX Runtime");
        }

        // OrtApiBase = { const OrtApi* (*GetApi)(uint32_t version); const char* (*GetVersionString)(void); }
        var apiBase = ((delegate* unmanaged<nint*>)getApiBase)();
        var getApi = (delegate* unmanaged<uint, void**>)apiBase[0];
        var getVersion = (delegate* unmanaged<byte*>)apiBase[1];
        var version = Marshal.PtrToStringUTF8((nint)getVersion()) ?? "?";
        var table = getApi(OrtApi.ApiVersion);
        if (table == null)
        {
            throw new OnnxRuntimeLoadException(path, $"ONNX Runtime {version} does not serve C API version {OrtApi.ApiVersion} (1.30.0 or newer is needed)");
        }

        return ((nint)table, version);
    }

    private static string Arch => RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();

    /// <summary>Loads the library (first caller wins) and returns the path actually loaded.</summary>
    internal static string EnsureLoaded(string? configuredPath)
    {
        if (s_loadedPath is not null)
        {
            return s_loadedPath;
        }

        lock (s_gate)
        {
            if (s_loadedPath is not null)
            {
                return s_loadedPath;
            }

            var path = string.IsNullOrWhiteSpace(configuredPath) ? DefaultPath() : Path.GetFullPath(configuredPath);
            var (table, version) = Open(path);
            OrtApi.Initialize((void**)table);
            s_version = version;
            s_loadedPath = path;
            return path;
        }
    }
}
