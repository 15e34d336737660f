using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Edge.Inference.Benchmarks;

/// <summary>
/// Runs the official Node.js binding (onnxruntime-node, installed by scripts/fetch-node-tools.sh into
/// $EDGE_CACHE/node-tools/onnxruntime-bench) on the same model and batch, and returns its per-call timings.
/// </summary>
internal static class NodeReference
{
    internal static string? NodeModules
    {
        get
        {
            var cache = Environment.GetEnvironmentVariable("EDGE_CACHE");
            if (string.IsNullOrEmpty(cache))
            {
                cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "store-edge");
            }

            var path = Path.Combine(cache, "node-tools", "onnxruntime-bench", "node_modules");
            return Directory.Exists(Path.Combine(path, "onnxruntime-node")) ? path : null;
        }
    }

    internal static NodeTiming Run(byte[] model, string name, int iterations)
    {
        var modules = NodeModules ?? throw new InvalidOperationException("onnxruntime-node is not installed: run scripts/fetch-node-tools.sh");
        var dir = Directory.CreateTempSubdirectory("edge-ort-bench-");
        try
        {
            var modelPath = Path.Combine(dir.FullName, name + ".onnx");
            File.WriteAllBytes(modelPath, model);
            var script = Path.Combine(AppContext.BaseDirectory, "node", "ort-node-bench.js");
            var psi = new ProcessStartInfo("node")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { script, modules, modelPath, BenchModels.Rows.ToString(CultureInfo.InvariantCulture), BenchModels.Features.ToString(CultureInfo.InvariantCulture), iterations.ToString(CultureInfo.InvariantCulture) })
            {
                psi.ArgumentList.Add(arg);
            }

            using var process = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
            var stdout = process.StandardOutput.ReadToEnd();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"node exited {process.ExitCode}: {stderr}");
            }

            return JsonSerializer.Deserialize<NodeTiming>(stdout.Trim().Split('\n')[^1], JsonOptions)
                ?? throw new InvalidOperationException("node printed no timing: " + stdout);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
}
