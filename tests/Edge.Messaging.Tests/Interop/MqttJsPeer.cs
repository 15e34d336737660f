using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.TestKit;

namespace Edge.Messaging.Tests.Interop;

/// <summary>An MQTT.js client (Interop/Scripts/mqttjs-peer.mjs) commanded by JSON lines; its events come back as JSON lines.</summary>
internal sealed class MqttJsPeer : IAsyncDisposable
{
    public const string ToolSet = "mqtt-interop";

    private readonly LineProcess _process;
    private readonly List<JsonElement> _backlog = [];

    private MqttJsPeer(LineProcess process) => _process = process;

    public string Transcript => _process.Transcript;

    public static async Task<MqttJsPeer> ConnectAsync(IInteropBroker broker, string clientId)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Interop", "Scripts", "mqttjs-peer.mjs");
        var process = LineProcess.Start(
            NodeToolSet.Node!,
            script,
            NodeToolSet.ModulesPath(ToolSet),
            broker.Uri,
            ((int)broker.Version).ToString(CultureInfo.InvariantCulture),
            clientId);
        var peer = new MqttJsPeer(process);
        try
        {
            await peer.WaitForEventAsync("connected");
            return peer;
        }
        catch
        {
            await peer.DisposeAsync();
            throw;
        }
    }

    public async Task SubscribeAsync(string filter, int qos = 1)
    {
        await SendAsync(new JsonObject { ["op"] = "subscribe", ["topic"] = filter, ["qos"] = qos });
        await WaitForEventAsync("subscribed", e => e.GetProperty("topic").GetString() == filter);
    }

    /// <summary>Answers every request on <paramref name="filter"/> with "pong:" + payload, echoing its user properties plus responder=mqtt.js.</summary>
    public async Task RespondAsync(string filter)
    {
        await SendAsync(new JsonObject { ["op"] = "respond", ["topic"] = filter, ["qos"] = 1 });
        await WaitForEventAsync("subscribed", e => e.GetProperty("topic").GetString() == filter);
    }

    /// <summary>Publishes and waits for MQTT.js's publish callback (PUBACK/PUBCOMP at QoS 1/2).</summary>
    public async Task PublishAsync(JsonObject command)
    {
        command["op"] = "publish";
        var topic = command["topic"]!.GetValue<string>();
        await SendAsync(command);
        await WaitForEventAsync("published", e => e.GetProperty("topic").GetString() == topic);
    }

    public Task SendAsync(JsonObject command) => _process.WriteLineAsync(command.ToJsonString());

    /// <summary>
    /// The first event named <paramref name="name"/> (matching <paramref name="match"/>) not yet taken; events read
    /// past while waiting for another are kept (a broker may deliver a retained message before the SUBACK). An
    /// "error" event fails at once.
    /// </summary>
    public async Task<JsonElement> WaitForEventAsync(string name, Func<JsonElement, bool>? match = null)
    {
        bool Matches(JsonElement e) => e.GetProperty("event").GetString() == name && (match is null || match(e));

        var index = _backlog.FindIndex(Matches);
        if (index >= 0)
        {
            var early = _backlog[index];
            _backlog.RemoveAt(index);
            return early;
        }

        JsonElement found = default;
        await _process.WaitForLineAsync(
            line =>
            {
                using var doc = JsonDocument.Parse(line);
                var e = doc.RootElement.Clone();
                if (e.GetProperty("event").GetString() == "error" && name != "error")
                {
                    throw new InvalidOperationException($"MQTT.js reported: {e.GetProperty("message").GetString()}. Transcript:\n{_process.Transcript}");
                }

                if (Matches(e))
                {
                    found = e;
                    return true;
                }

                _backlog.Add(e);
                return false;
            },
            $"event '{name}'");
        return found;
    }

    public static IReadOnlyList<MqttUserProperty> UserProperties(JsonElement e) =>
        [.. e.GetProperty("userProperties").EnumerateArray().Select(p => new MqttUserProperty(p[0].GetString()!, p[1].GetString()!))];

    public static JsonArray ToJson(IEnumerable<MqttUserProperty> properties) =>
        [.. properties.Select(p => (JsonNode)new JsonArray(p.Name, p.Value))];

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
