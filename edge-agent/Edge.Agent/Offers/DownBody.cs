using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Edge.Contracts.Cloud;

namespace Edge.Agent.Offers;

/// <summary>Reads a forwarded <see cref="LocalDownEvent"/> and its object body; null with the reason when it is not one.</summary>
internal static class DownBody
{
    public static (LocalDownEvent Down, T Body)? Read<T>(ReadOnlySpan<byte> payload, JsonTypeInfo<T> bodyType, out string? error)
        where T : class
    {
        try
        {
            var down = JsonSerializer.Deserialize(payload, CloudJsonContext.Default.LocalDownEvent);
            if (down is null || down.Sequence < 1)
            {
                error = "not a down event with a sequence number";
                return null;
            }

            if (down.Body.ValueKind != JsonValueKind.Object || down.Body.Deserialize(bodyType) is not { } body)
            {
                error = "the body is not a JSON object";
                return null;
            }

            error = null;
            return (down, body);
        }
        catch (JsonException e)
        {
            error = e.Message;
            return null;
        }
    }
}
