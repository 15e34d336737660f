namespace Edge.BeaconGateway.Hci;

/// <summary>What the parser made of one HCI event.</summary>
public enum HciParseOutcome
{
    /// <summary>An advertising report event, all of whose reports were handled (or are being reassembled).</summary>
    Advertising,

    /// <summary>A well-formed event that carries no advertising reports (command complete, other subevents).</summary>
    Ignored,

    /// <summary>Rejected; the reason was counted. Reports decoded before the fault may already have been handled.</summary>
    Malformed,
}
