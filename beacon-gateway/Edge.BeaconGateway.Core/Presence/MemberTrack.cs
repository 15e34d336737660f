namespace Edge.BeaconGateway.Presence;

/// <summary>Presence state of one member: one filter per receiver, the current zone and the challenger's clock.</summary>
internal sealed class MemberTrack
{
    public MemberTrack(string memberId, int receivers)
    {
        MemberId = memberId;
        Filters = new KalmanRssiFilter[receivers];
    }

    public string MemberId { get; }

    public KalmanRssiFilter[] Filters { get; }

    public int Zone { get; set; } = -1;

    public int Challenger { get; set; } = -1;

    public long ChallengerSinceTicks { get; set; }

    public long ZoneSinceTicks { get; set; }

    public bool Dwelled { get; set; }

    public long LastSeenTicks { get; set; }

    public double TxPowerAt1m { get; set; }

    public double Confidence { get; set; }
}
