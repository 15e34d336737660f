using System.Runtime.InteropServices;

namespace Edge.Messaging.Native;

/// <summary>
/// P/Invoke declarations for libmosquitto 2.0 (mosquitto.h). C bool is one byte (U1). Callback parameters are
/// passed as function pointers (IntPtr) to static [UnmanagedCallersOnly] methods. Functions whose failure may be
/// MOSQ_ERR_ERRNO set SetLastError so errno is captured before anything overwrites it.
/// </summary>
internal static partial class LibMosquitto
{
    private const string Library = "libmosquitto.so.1";

    public const int ErrSuccess = 0;
    public const int ErrNoMem = 1;
    public const int ErrProtocol = 2;
    public const int ErrInval = 3;
    public const int ErrNoConn = 4;
    public const int ErrConnRefused = 5;
    public const int ErrConnLost = 7;
    public const int ErrTls = 8;
    public const int ErrPayloadSize = 9;
    public const int ErrNotSupported = 10;
    public const int ErrErrno = 14;
    public const int ErrMalformedUtf8 = 18;
    public const int ErrOversizePacket = 25;

    // enum mosq_opt_t
    public const int OptProtocolVersion = 1;
    public const int OptReceiveMaximum = 4;
    public const int OptSendMaximum = 5;
    public const int OptTcpNoDelay = 11;

    // Log levels (MOSQ_LOG_*).
    public const int LogInfo = 0x01;
    public const int LogNotice = 0x02;
    public const int LogWarning = 0x04;
    public const int LogErr = 0x08;

    [LibraryImport(Library, EntryPoint = "mosquitto_lib_init")]
    public static partial int LibInit();

    [LibraryImport(Library, EntryPoint = "mosquitto_lib_version")]
    public static partial int LibVersion(out int major, out int minor, out int revision);

    [LibraryImport(Library, EntryPoint = "mosquitto_new", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial IntPtr New(string? id, [MarshalAs(UnmanagedType.U1)] bool cleanSession, IntPtr userdata);

    [LibraryImport(Library, EntryPoint = "mosquitto_destroy")]
    public static partial void Destroy(IntPtr mosq);

    [LibraryImport(Library, EntryPoint = "mosquitto_int_option")]
    public static partial int IntOption(IntPtr mosq, int option, int value);

    [LibraryImport(Library, EntryPoint = "mosquitto_threaded_set")]
    public static partial int ThreadedSet(IntPtr mosq, [MarshalAs(UnmanagedType.U1)] bool threaded);

    [LibraryImport(Library, EntryPoint = "mosquitto_username_pw_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int UsernamePwSet(IntPtr mosq, string? username, string? password);

    [LibraryImport(Library, EntryPoint = "mosquitto_tls_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TlsSet(IntPtr mosq, string? cafile, string? capath, string? certfile, string? keyfile, IntPtr pwCallback);

    [LibraryImport(Library, EntryPoint = "mosquitto_tls_insecure_set")]
    public static partial int TlsInsecureSet(IntPtr mosq, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(Library, EntryPoint = "mosquitto_will_set_v5", StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int WillSetV5(IntPtr mosq, string topic, int payloadlen, byte* payload, int qos, [MarshalAs(UnmanagedType.U1)] bool retain, IntPtr properties);

    [LibraryImport(Library, EntryPoint = "mosquitto_connect_bind_v5", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int ConnectBindV5(IntPtr mosq, string host, int port, int keepalive, string? bindAddress, IntPtr properties);

    [LibraryImport(Library, EntryPoint = "mosquitto_reconnect", SetLastError = true)]
    public static partial int Reconnect(IntPtr mosq);

    [LibraryImport(Library, EntryPoint = "mosquitto_disconnect_v5")]
    public static partial int DisconnectV5(IntPtr mosq, int reasonCode, IntPtr properties);

    [LibraryImport(Library, EntryPoint = "mosquitto_loop", SetLastError = true)]
    public static partial int Loop(IntPtr mosq, int timeoutMs, int maxPackets);

    [LibraryImport(Library, EntryPoint = "mosquitto_publish_v5", StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int PublishV5(IntPtr mosq, out int mid, string topic, int payloadlen, byte* payload, int qos, [MarshalAs(UnmanagedType.U1)] bool retain, IntPtr properties);

    [LibraryImport(Library, EntryPoint = "mosquitto_subscribe_v5", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SubscribeV5(IntPtr mosq, out int mid, string sub, int qos, int options, IntPtr properties);

    [LibraryImport(Library, EntryPoint = "mosquitto_unsubscribe_v5", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int UnsubscribeV5(IntPtr mosq, out int mid, string sub, IntPtr properties);

    [LibraryImport(Library, EntryPoint = "mosquitto_connect_v5_callback_set")]
    public static partial void ConnectV5CallbackSet(IntPtr mosq, IntPtr callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_disconnect_v5_callback_set")]
    public static partial void DisconnectV5CallbackSet(IntPtr mosq, IntPtr callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_publish_v5_callback_set")]
    public static partial void PublishV5CallbackSet(IntPtr mosq, IntPtr callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_message_v5_callback_set")]
    public static partial void MessageV5CallbackSet(IntPtr mosq, IntPtr callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_subscribe_v5_callback_set")]
    public static partial void SubscribeV5CallbackSet(IntPtr mosq, IntPtr callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_unsubscribe_v5_callback_set")]
    public static partial void UnsubscribeV5CallbackSet(IntPtr mosq, IntPtr callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_log_callback_set")]
    public static partial void LogCallbackSet(IntPtr mosq, IntPtr callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_strerror")]
    public static partial IntPtr StrError(int rc);

    [LibraryImport(Library, EntryPoint = "mosquitto_reason_string")]
    public static partial IntPtr ReasonString(int reasonCode);

    [LibraryImport(Library, EntryPoint = "mosquitto_connack_string")]
    public static partial IntPtr ConnackString(int connackCode);

    // Properties (mosquitto_property lists). A list is built by adding to a null pointer and freed with free_all.
    [LibraryImport(Library, EntryPoint = "mosquitto_property_add_byte")]
    public static partial int PropertyAddByte(ref IntPtr proplist, int identifier, byte value);

    [LibraryImport(Library, EntryPoint = "mosquitto_property_add_int32")]
    public static partial int PropertyAddInt32(ref IntPtr proplist, int identifier, uint value);

    [LibraryImport(Library, EntryPoint = "mosquitto_property_add_binary")]
    public static unsafe partial int PropertyAddBinary(ref IntPtr proplist, int identifier, byte* value, ushort len);

    [LibraryImport(Library, EntryPoint = "mosquitto_property_add_string", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int PropertyAddString(ref IntPtr proplist, int identifier, string value);

    [LibraryImport(Library, EntryPoint = "mosquitto_property_add_string_pair", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int PropertyAddStringPair(ref IntPtr proplist, int identifier, string name, string value);

    [LibraryImport(Library, EntryPoint = "mosquitto_property_free_all")]
    public static partial void PropertyFreeAll(ref IntPtr properties);

    [LibraryImport(Library, EntryPoint = "mosquitto_property_next")]
    public static partial IntPtr PropertyNext(IntPtr proplist);

    [LibraryImport(Library, EntryPoint = "mosquitto_property_identifier")]
    public static partial int PropertyIdentifier(IntPtr property);

    [LibraryImport(Library, EntryPoint = "mosquitto_property_read_byte")]
    public static partial IntPtr PropertyReadByte(IntPtr proplist, int identifier, out byte value, [MarshalAs(UnmanagedType.U1)] bool skipFirst);

    [LibraryImport(Library, EntryPoint = "mosquitto_property_read_int32")]
    public static partial IntPtr PropertyReadInt32(IntPtr proplist, int identifier, out uint value, [MarshalAs(UnmanagedType.U1)] bool skipFirst);

    [LibraryImport(Library, EntryPoint = "mosquitto_property_read_binary")]
    public static partial IntPtr PropertyReadBinary(IntPtr proplist, int identifier, out IntPtr value, out ushort len, [MarshalAs(UnmanagedType.U1)] bool skipFirst);

    [LibraryImport(Library, EntryPoint = "mosquitto_property_read_string")]
    public static partial IntPtr PropertyReadString(IntPtr proplist, int identifier, out IntPtr value, [MarshalAs(UnmanagedType.U1)] bool skipFirst);

    [LibraryImport(Library, EntryPoint = "mosquitto_property_read_string_pair")]
    public static partial IntPtr PropertyReadStringPair(IntPtr proplist, int identifier, out IntPtr name, out IntPtr value, [MarshalAs(UnmanagedType.U1)] bool skipFirst);
}
