using System.Globalization;
using System.Runtime.InteropServices;

namespace Edge.Messaging.Native;

/// <summary>Process-wide libmosquitto state: mosquitto_lib_init exactly once (never cleaned up: other clients may live on).</summary>
internal static class MosquittoRuntime
{
    private static readonly Lazy<string> Version = new(() =>
    {
        var rc = LibMosquitto.LibInit();
        if (rc != LibMosquitto.ErrSuccess)
        {
            throw new MqttException($"mosquitto_lib_init failed: {ErrorText(rc, 0)}", null, rc);
        }

        LibMosquitto.LibVersion(out var major, out var minor, out var revision);
        return string.Create(CultureInfo.InvariantCulture, $"{major}.{minor}.{revision}");
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Initialises libmosquitto (once) and returns its version, e.g. "2.0.11".</summary>
    public static string EnsureInitialized() => Version.Value;

    /// <summary>libmosquitto's text for an error code; for MOSQ_ERR_ERRNO the errno captured right after the call.</summary>
    public static string ErrorText(int rc, int errno)
    {
        if (rc == LibMosquitto.ErrErrno && errno != 0)
        {
            return $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno.ToString(CultureInfo.InvariantCulture)})";
        }

        return $"{Marshal.PtrToStringUTF8(LibMosquitto.StrError(rc)) ?? "unknown error"} (MOSQ_ERR {rc.ToString(CultureInfo.InvariantCulture)})";
    }

    /// <summary>The MQTT 5 name of a reason code, e.g. 135 "Not authorized".</summary>
    public static string ReasonText(int reasonCode) =>
        $"{Marshal.PtrToStringUTF8(LibMosquitto.ReasonString(reasonCode)) ?? "unknown reason"} (reason code {reasonCode.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>The MQTT 3.1.1 name of a CONNACK return code, e.g. 5 "Connection Refused: not authorised.".</summary>
    public static string ConnackText(int code) =>
        $"{Marshal.PtrToStringUTF8(LibMosquitto.ConnackString(code)) ?? "unknown"} (CONNACK return code {code.ToString(CultureInfo.InvariantCulture)})";
}
