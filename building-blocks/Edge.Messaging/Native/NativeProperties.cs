using System.Runtime.InteropServices;

namespace Edge.Messaging.Native;

/// <summary>Converts between <see cref="MqttMessage"/> properties and libmosquitto property lists.</summary>
internal static unsafe class NativeProperties
{
    /// <summary>Builds the PUBLISH/will property list of <paramref name="message"/>; IntPtr.Zero when it has none. Caller frees.</summary>
    public static IntPtr Build(MqttMessage message, string? endpoint)
    {
        var list = IntPtr.Zero;
        try
        {
            if (message.PayloadIsUtf8)
            {
                Check(LibMosquitto.PropertyAddByte(ref list, MqttPropertyId.PayloadFormatIndicator, 1), "payload format indicator", endpoint);
            }

            if (message.MessageExpiry is { } expiry)
            {
                Check(LibMosquitto.PropertyAddInt32(ref list, MqttPropertyId.MessageExpiryInterval, (uint)Math.Ceiling(expiry.TotalSeconds)), "message expiry", endpoint);
            }

            if (message.ContentType is { } contentType)
            {
                Check(LibMosquitto.PropertyAddString(ref list, MqttPropertyId.ContentType, contentType), "content type", endpoint);
            }

            if (message.ResponseTopic is { } responseTopic)
            {
                Check(LibMosquitto.PropertyAddString(ref list, MqttPropertyId.ResponseTopic, responseTopic), "response topic", endpoint);
            }

            if (!message.CorrelationData.IsEmpty)
            {
                fixed (byte* data = message.CorrelationData.Span)
                {
                    Check(LibMosquitto.PropertyAddBinary(ref list, MqttPropertyId.CorrelationData, data, (ushort)message.CorrelationData.Length), "correlation data", endpoint);
                }
            }

            foreach (var property in message.UserProperties)
            {
                Check(LibMosquitto.PropertyAddStringPair(ref list, MqttPropertyId.UserProperty, property.Name, property.Value), "user property", endpoint);
            }

            return list;
        }
        catch
        {
            LibMosquitto.PropertyFreeAll(ref list);
            throw;
        }
    }

    /// <summary>Copies the PUBLISH properties of a received message (runs on the network thread; never throws for odd input).</summary>
    public static MqttMessage Apply(MqttMessage message, IntPtr properties)
    {
        if (properties == IntPtr.Zero)
        {
            return message;
        }

        List<MqttUserProperty>? userProperties = null;
        for (var p = properties; p != IntPtr.Zero; p = LibMosquitto.PropertyNext(p))
        {
            switch (LibMosquitto.PropertyIdentifier(p))
            {
                case MqttPropertyId.PayloadFormatIndicator:
                    LibMosquitto.PropertyReadByte(p, MqttPropertyId.PayloadFormatIndicator, out var format, false);
                    message = message with { PayloadIsUtf8 = format == 1 };
                    break;
                case MqttPropertyId.MessageExpiryInterval:
                    LibMosquitto.PropertyReadInt32(p, MqttPropertyId.MessageExpiryInterval, out var seconds, false);
                    message = message with { MessageExpiry = TimeSpan.FromSeconds(seconds) };
                    break;
                case MqttPropertyId.ContentType:
                    message = message with { ContentType = ReadString(p, MqttPropertyId.ContentType) };
                    break;
                case MqttPropertyId.ResponseTopic:
                    message = message with { ResponseTopic = ReadString(p, MqttPropertyId.ResponseTopic) };
                    break;
                case MqttPropertyId.CorrelationData:
                    if (LibMosquitto.PropertyReadBinary(p, MqttPropertyId.CorrelationData, out var data, out var length, false) != IntPtr.Zero && data != IntPtr.Zero)
                    {
                        message = message with { CorrelationData = new ReadOnlySpan<byte>((void*)data, length).ToArray() };
                        NativeMemory.Free((void*)data);
                    }

                    break;
                case MqttPropertyId.UserProperty:
                    if (LibMosquitto.PropertyReadStringPair(p, MqttPropertyId.UserProperty, out var name, out var value, false) != IntPtr.Zero)
                    {
                        (userProperties ??= []).Add(new MqttUserProperty(Marshal.PtrToStringUTF8(name) ?? string.Empty, Marshal.PtrToStringUTF8(value) ?? string.Empty));
                        NativeMemory.Free((void*)name);
                        NativeMemory.Free((void*)value);
                    }

                    break;
                default:
                    // Topic alias, subscription identifiers: handled by libmosquitto or not used by us.
                    break;
            }
        }

        return userProperties is null ? message : message with { UserProperties = userProperties };
    }

    /// <summary>The reason string property (MQTT 5) of an ack, if the broker sent one.</summary>
    public static string? ReasonString(IntPtr properties) =>
        properties == IntPtr.Zero ? null : ReadStringFrom(properties, MqttPropertyId.ReasonString);

    private static string? ReadString(IntPtr property, int identifier) => ReadStringFrom(property, identifier);

    private static string? ReadStringFrom(IntPtr list, int identifier)
    {
        if (LibMosquitto.PropertyReadString(list, identifier, out var value, false) == IntPtr.Zero || value == IntPtr.Zero)
        {
            return null;
        }

        var text = Marshal.PtrToStringUTF8(value);
        NativeMemory.Free((void*)value);
        return text;
    }

    private static void Check(int rc, string what, string? endpoint)
    {
        if (rc != LibMosquitto.ErrSuccess)
        {
            throw new MqttException($"Cannot encode the MQTT 5 {what} property: {MosquittoRuntime.ErrorText(rc, 0)}", endpoint, rc);
        }
    }
}
