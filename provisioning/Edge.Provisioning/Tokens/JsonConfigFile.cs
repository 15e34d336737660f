using System.Text.Json;
using System.Text.Json.Nodes;

namespace Edge.Provisioning.Tokens;

/// <summary>
/// A service's JSON configuration file (/etc/store-edge/&lt;service&gt;.json) read and changed key by key, so that
/// setting a token keeps every other setting store IT put there. Keys use configuration's colon form
/// ("EdgeAgent:Api:KioskToken") and match case-insensitively, as Microsoft.Extensions.Configuration does, so a
/// hand-written "edgeAgent" section is updated rather than shadowed by a second one.
/// </summary>
internal sealed class JsonConfigFile
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };
    private readonly JsonObject _root;

    private JsonConfigFile(string path, JsonObject root)
    {
        Path = path;
        _root = root;
    }

    public string Path { get; }

    /// <summary>The file's settings, or an empty document when it does not exist yet.</summary>
    /// <exception cref="CliException">The file is not a JSON object (nothing is changed; the message names the file).</exception>
    public static JsonConfigFile Load(string path)
    {
        if (!File.Exists(path))
        {
            return new JsonConfigFile(path, new JsonObject(NodeOptions));
        }

        try
        {
            var node = JsonNode.Parse(File.ReadAllText(path), NodeOptions, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return node is JsonObject root
                ? new JsonConfigFile(path, root)
                : throw new CliException($"{path} is not a JSON object; fix or remove it first", ExitCodes.Config);
        }
        catch (JsonException ex)
        {
            throw new CliException($"{path} is not valid JSON ({ex.Message}); fix or remove it first", ExitCodes.Config);
        }
    }

    /// <summary>The string at <paramref name="key"/>, or null when it is missing, empty or not a string.</summary>
    public string? Get(string key)
    {
        JsonNode? node = _root;
        foreach (var part in key.Split(':'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
    }

    public void Set(string key, string value)
    {
        var parts = key.Split(':');
        var parent = _root;
        foreach (var part in parts[..^1])
        {
            if (parent[part] is not JsonObject child)
            {
                child = new JsonObject(NodeOptions);
                parent[part] = child;
            }

            parent = child;
        }

        parent[parts[^1]] = value;
    }

    /// <summary>Removes <paramref name="key"/>; returns whether it was there.</summary>
    public bool Remove(string key)
    {
        var parts = key.Split(':');
        JsonNode? node = _root;
        foreach (var part in parts[..^1])
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
        }

        return node is JsonObject parent && parent.Remove(parts[^1]);
    }

    public string Render() => _root.ToJsonString(WriteOptions) + "\n";
}
