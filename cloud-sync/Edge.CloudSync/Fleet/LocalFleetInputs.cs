using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Edge.Contracts;
using Edge.Contracts.Presence;
using Edge.Messaging;

namespace Edge.CloudSync.Fleet;

/// <summary>
/// What the local bus says about the store, for the fleet plane: service states (store/services/{name}/state, a short
/// text such as "running"), the model a service serves (store/services/{name}/model) and the shadow model beside it
/// (store/services/{name}/shadow-model), members present (beacon-gateway's entered/left events) and device status
/// (store/kiosk|screens|beacons|scanners|wearables/{id}/status: "offline" or empty means gone, any other text is the device's status).
/// Fed by the single reader of the local client's messages (LocalOutboxIngest). Thread-safe.
/// </summary>
internal sealed class LocalFleetInputs
{
    private readonly ConcurrentDictionary<string, string> _services = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _members = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _devices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _models = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _shadowModels = new(StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> Filters =
    [
        LocalTopics.ServiceStatus + "/+/state",
        LocalTopics.ServiceStatus + "/+/model",
        LocalTopics.ServiceStatus + "/+/shadow-model",
        PresenceTopics.Members + "/+",
        LocalTopics.Kiosk + "/+/status",
        LocalTopics.Root + "/screens/+/status",
        LocalTopics.Root + "/beacons/+/status",
        LocalTopics.Root + "/scanners/+/status",
        LocalTopics.Root + "/wearables/+/status",
    ];

    /// <summary>Raised after any change (on the reader's thread; handlers must not block).</summary>
    public event Action? Changed;

    public IReadOnlyDictionary<string, string> Services => _services;

    public int MembersPresent => _members.Count;

    /// <summary>The model bundle edge-agent says it serves (store/services/edge-agent/model), or null before it said so.</summary>
    public string? ModelVersion => _models.TryGetValue("edge-agent", out var v) ? v : null;

    /// <summary>
    /// The shadow model edge-agent says scores beside the serving one (store/services/edge-agent/shadow-model; "none"
    /// when there is none), or null before it said so.
    /// </summary>
    public string? ShadowModelVersion => _shadowModels.TryGetValue("edge-agent", out var v) ? v : null;

    /// <summary>Devices currently online: device id ("kiosk-k1") -> status text.</summary>
    public IReadOnlyDictionary<string, string> Devices => _devices;

    /// <summary>Returns false when the message is not one of <see cref="Filters"/>.</summary>
    public bool Observe(MqttMessage m)
    {
        var levels = m.Topic.Split('/');
        var text = Encoding.UTF8.GetString(m.Payload.Span).Trim();
        if (text.Length > 128)
        {
            text = text[..128];
        }

        switch (levels)
        {
            case ["store", "services", var name, "state"]:
                _services[name] = text;
                break;
            case ["store", "services", var name, "model"]:
                Remember(_models, name, text);
                break;
            case ["store", "services", var name, "shadow-model"]:
                Remember(_shadowModels, name, text);
                break;
            case ["store", "presence", "members", _]:
                ObservePresence(m.Payload.Span);
                break;
            case ["store", "kiosk" or "screens" or "beacons" or "scanners" or "wearables", var id, "status"]:
                var device = $"{(levels[1] == "kiosk" ? "kiosk" : levels[1].TrimEnd('s'))}-{id}";
                if (text.Length == 0 || text.Equals("offline", StringComparison.OrdinalIgnoreCase))
                {
                    _devices.TryRemove(device, out _);
                }
                else
                {
                    _devices[device] = text;
                }

                break;
            default:
                return false;
        }

        Changed?.Invoke();
        return true;
    }

    /// <summary>An empty retained message clears the topic: the service said nothing, so HQ gets no value rather than "".</summary>
    private static void Remember(ConcurrentDictionary<string, string> models, string service, string text)
    {
        if (text.Length == 0)
        {
            models.TryRemove(service, out _);
        }
        else
        {
            models[service] = text;
        }
    }

    private void ObservePresence(ReadOnlySpan<byte> payload)
    {
        try
        {
            switch (JsonSerializer.Deserialize(payload, PresenceJsonContext.Default.PresenceEvent))
            {
                case MemberLeft left:
                    _members.TryRemove(left.MemberId, out _);
                    break;
                case { } present:
                    _members[present.MemberId] = 0;
                    break;
            }
        }
        catch (JsonException)
        {
            // Not ours to judge: beacon-gateway's consumers count its bad events; the fleet count just ignores them.
        }
    }
}
