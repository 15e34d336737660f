using System.Text.Json;
using Edge.Contracts.Cloud;

namespace Edge.ReferenceCloud.Fleet;

/// <summary>Reads the body of one of the hub's own up events (resync, diagnostics), checking its type first.</summary>
internal static class HubEvent
{
    public static bool TryBody(JsonElement envelope, string expectedType, out JsonElement body, out string reason)
    {
        body = default;
        OutboxEvent? e;
        try
        {
            e = envelope.Deserialize(CloudJsonContext.Default.OutboxEvent);
        }
        catch (JsonException ex)
        {
            reason = "not-an-event: " + ex.Message;
            return false;
        }

        if (e is null || e.Type != expectedType)
        {
            reason = $"wrong-type: expected {expectedType}, got {e?.Type ?? "nothing"}";
            return false;
        }

        if (e.Body.ValueKind != JsonValueKind.Object)
        {
            reason = "bad-body: the body must be a JSON object";
            return false;
        }

        body = e.Body;
        reason = string.Empty;
        return true;
    }
}
