using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Edge.Messaging;
using Edge.TestKit;

namespace Edge.CloudSync.Tests.Fleet;

/// <summary>Runs tahu-decode.js under node: every payload decoded by Eclipse Tahu's sparkplug-payload.</summary>
internal static class TahuDecoder
{
    public static string? ModulesDirectory
    {
        get
        {
            var cache = Environment.GetEnvironmentVariable("EDGE_CACHE");
            cache = string.IsNullOrEmpty(cache) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "store-edge") : cache;
            var modules = Path.Combine(cache, "node-tools", "sparkplug", "node_modules");
            return Directory.Exists(Path.Combine(modules, "sparkplug-payload")) ? modules : null;
        }
    }

    public static async Task<JsonElement> DecodeAsync(IReadOnlyList<MqttMessage> messages)
    {
        var input = new StringBuilder("[");
        for (var i = 0; i < messages.Count; i++)
        {
            input.Append(i == 0 ? string.Empty : ",").Append(JsonSerializer.Serialize(new Dictionary<string, string> { ["topic"] = messages[i].Topic, ["base64"] = Convert.ToBase64String(messages[i].Payload.Span) }, TestJsonContext.Default.DictionaryStringString));
        }

        input.Append(']');
        var psi = new ProcessStartInfo(ExternalTools.Find("node")!, [Path.Combine(AppContext.BaseDirectory, "Fleet", "tahu-decode.js")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["NODE_PATH"] = ModulesDirectory!;
        using var process = Process.Start(psi)!;
        await process.StandardInput.WriteAsync(input.ToString());
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, "Tahu could not decode: " + await error);
        return JsonDocument.Parse(await output).RootElement.Clone();
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class TestJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
