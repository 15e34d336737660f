namespace Edge.BeaconGateway.Hci;

/// <summary>
/// Why an input was rejected. One counter per reason (<see cref="MalformedCounters"/>); the values are dense so
/// the counters are a plain array. Never per device: a stranger's bad frame must not leave a trace of the stranger.
/// </summary>
public enum MalformedReason
{
    /// <summary>An HCI event shorter than its two-byte header (event code, parameter length).</summary>
    EventTooShort,

    /// <summary>The parameter length byte disagrees with the bytes actually received.</summary>
    EventLengthMismatch,

    /// <summary>An LE Meta subevent this gateway does not decode (counted, otherwise ignored).</summary>
    UnknownLeSubevent,

    /// <summary>An advertising report event with Num_Reports = 0 or more reports than bytes can hold.</summary>
    BadReportCount,

    /// <summary>A report whose fixed fields or data run past the end of the event.</summary>
    ReportTruncated,

    /// <summary>Bytes left over after the last report of an event.</summary>
    TrailingBytes,

    /// <summary>An AD structure whose length runs past the end of the advertising data (Core Vol 3 Part C 11).</summary>
    AdStructureOverrun,

    /// <summary>Extended report fragments adding up to more than 1650 bytes (Core Vol 4 Part E 7.8.65 maximum).</summary>
    FragmentOverflow,

    /// <summary>The controller marked the data "incomplete, truncated" (data status 0b10): the advert is dropped.</summary>
    FragmentTruncatedByController,

    /// <summary>A pending fragmented advert was evicted because too many were in flight.</summary>
    FragmentEvicted,

    /// <summary>Data status 0b11 (reserved for future use).</summary>
    ReservedDataStatus,

    /// <summary>An H4 packet type byte other than command, ACL, SCO, event or ISO.</summary>
    UnknownPacketType,

    /// <summary>A btsnoop file without the "btsnoop\0" magic or with a version other than 1.</summary>
    BtsnoopBadHeader,

    /// <summary>A btsnoop datalink other than 1001 (H1) or 1002 (H4).</summary>
    BtsnoopUnsupportedDatalink,

    /// <summary>A btsnoop file that ends inside a record header or record body.</summary>
    BtsnoopTruncatedRecord,

    /// <summary>A btsnoop record whose included length exceeds the largest HCI packet or its original length.</summary>
    BtsnoopBadRecordLength,

    /// <summary>A remote receiver message whose topic does not match the expected shape.</summary>
    RemoteBadTopic,

    /// <summary>A remote receiver message whose JSON body cannot be read or lacks required fields.</summary>
    RemoteBadJson,

    /// <summary>A raw-advert relay message whose hex payload is not valid hex.</summary>
    RemoteBadHex,

    /// <summary>A member frame (our service UUID) with an unknown version byte or wrong length.</summary>
    MemberFrameBadLayout,
}
