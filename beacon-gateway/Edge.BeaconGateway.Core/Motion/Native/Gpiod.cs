using System.Runtime.InteropServices;

namespace Edge.BeaconGateway.Motion.Native;

/// <summary>
/// libgpiod 1.6 (Debian 12 libgpiod2, soname libgpiod.so.2), the calls the motion reader needs. Signatures and
/// constants from its gpiod.h: request flags (GPIOD_LINE_REQUEST_FLAG_*), event types, struct gpiod_line_event.
/// </summary>
internal static partial class Gpiod
{
    public const string Library = "libgpiod.so.2";
    public const int RequestFlagActiveLow = 1 << 2;
    public const int EventRisingEdge = 1;
    public const int EventFallingEdge = 2;

    [LibraryImport(Library, EntryPoint = "gpiod_chip_open_lookup", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial nint ChipOpenLookup(string description);

    [LibraryImport(Library, EntryPoint = "gpiod_chip_close")]
    public static partial void ChipClose(nint chip);

    [LibraryImport(Library, EntryPoint = "gpiod_chip_get_line", SetLastError = true)]
    public static partial nint ChipGetLine(nint chip, uint offset);

    [LibraryImport(Library, EntryPoint = "gpiod_line_request_both_edges_events_flags", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int LineRequestBothEdgesEventsFlags(nint line, string consumer, int flags);

    [LibraryImport(Library, EntryPoint = "gpiod_line_release")]
    public static partial void LineRelease(nint line);

    /// <returns>0 on timeout, 1 when an event is pending, -1 on error.</returns>
    [LibraryImport(Library, EntryPoint = "gpiod_line_event_wait", SetLastError = true)]
    public static partial int LineEventWait(nint line, in Timespec timeout);

    [LibraryImport(Library, EntryPoint = "gpiod_line_event_read", SetLastError = true)]
    public static partial int LineEventRead(nint line, out LineEvent lineEvent);

    [StructLayout(LayoutKind.Sequential)]
    public struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>struct gpiod_line_event: timespec ts; int event_type (padded to 24 bytes on 64-bit).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct LineEvent
    {
        public Timespec Timestamp;
        public int EventType;
    }
}
