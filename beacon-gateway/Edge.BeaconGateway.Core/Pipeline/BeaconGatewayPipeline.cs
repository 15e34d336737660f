using Edge.BeaconGateway.Btsnoop;
using Edge.BeaconGateway.Hci;
using Edge.BeaconGateway.Presence;
using Edge.BeaconGateway.Resolution;
using Edge.BeaconGateway.StoreBeacons;

namespace Edge.BeaconGateway.Pipeline;

/// <summary>
/// parse -> privacy gate -> presence / store-beacon health, for every source. HCI events from the hub's radio, a
/// capture or the simulator enter through <see cref="OnHciEvent"/>; adverts relayed by remote receivers through
/// <see cref="OnAdvert"/>. A stranger's advert stops at the gate; only the aggregate
/// <see cref="StrangerAdverts"/> count (no identity) remains. Call <see cref="OnHciEvent"/> from one thread per
/// pipeline (the parser reassembles fragments); <see cref="OnAdvert"/> may run concurrently with it.
/// </summary>
public sealed class BeaconGatewayPipeline : IHciEventSink, Simulation.ISimulatorSink, IDisposable
{
    private readonly HciEventParser _parser;
    private readonly PrivacyGate _gate;
    private readonly PresenceEngine _presence;
    private readonly StoreBeaconMonitor _beacons;
    private readonly int _localReceiver;
    private long _memberAdverts;
    private long _beaconAdverts;
    private long _strangerAdverts;

    public BeaconGatewayPipeline(HciEventParser parser, PrivacyGate gate, PresenceEngine presence, StoreBeaconMonitor beacons, int localReceiverIndex)
    {
        _parser = parser ?? throw new ArgumentNullException(nameof(parser));
        _gate = gate ?? throw new ArgumentNullException(nameof(gate));
        _presence = presence ?? throw new ArgumentNullException(nameof(presence));
        _beacons = beacons ?? throw new ArgumentNullException(nameof(beacons));
        _localReceiver = localReceiverIndex;
    }

    /// <summary>Support record mode: when set, adverts that passed the gate are also written to btsnoop.</summary>
    public BtsnoopRecorder? Recorder { get; set; }

    public MalformedCounters Counters => _parser.Counters;

    public long MemberAdverts => Interlocked.Read(ref _memberAdverts);

    public long BeaconAdverts => Interlocked.Read(ref _beaconAdverts);

    /// <summary>Adverts dropped at the gate. An aggregate only: never per device.</summary>
    public long StrangerAdverts => Interlocked.Read(ref _strangerAdverts);

    public void OnHciEvent(ReadOnlySpan<byte> hciEvent, DateTimeOffset receivedAt) => OnHciEvent(_localReceiver, hciEvent, receivedAt);

    /// <summary>An HCI event heard by a given receiver (the simulator plays several radios through one pipeline).</summary>
    public void OnHciEvent(int receiverIndex, ReadOnlySpan<byte> hciEvent, DateTimeOffset receivedAt)
    {
        var router = new Router(this, receiverIndex, receivedAt);
        _parser.Parse(hciEvent, ref router);
    }

    void Simulation.ISimulatorSink.OnSimulatedEvent(int receiverIndex, ReadOnlySpan<byte> hciEvent, DateTimeOffset at) =>
        OnHciEvent(receiverIndex, hciEvent, at);

    /// <summary>An advert heard by a remote receiver (raw-advert relay).</summary>
    public void OnAdvert(int receiverIndex, BleAddress address, sbyte rssi, ReadOnlySpan<byte> advertisingData, DateTimeOffset at)
    {
        var report = new AdvertisingReport(0x03, false, address, rssi, HciConstants.RssiNotAvailable, 1, 0, 0xFF, advertisingData);
        Handle(in report, receiverIndex, at);
    }

    private void Handle(in AdvertisingReport report, int receiverIndex, DateTimeOffset at)
    {
        var verdict = _gate.Classify(report.Data, report.Address);
        switch (verdict.Kind)
        {
            case AdvertKind.Member:
                Interlocked.Increment(ref _memberAdverts);
                _presence.OnSighting(verdict.MemberId!, receiverIndex, report.Rssi, verdict.TxPowerAt1m, at);
                break;
            case AdvertKind.StoreBeacon:
                Interlocked.Increment(ref _beaconAdverts);
                _beacons.OnSeen(verdict.Index, at);
                break;
            case AdvertKind.StoreBeaconTelemetry:
                Interlocked.Increment(ref _beaconAdverts);
                _beacons.OnTelemetry(verdict.Index, verdict.Telemetry, at);
                break;
            default:
                Interlocked.Increment(ref _strangerAdverts);
                return;
        }

        Recorder?.Record(in report, at);
    }

    /// <summary>Closes the support recording, if any (the pipeline owns it).</summary>
    public void Dispose()
    {
        Recorder?.Dispose();
        Recorder = null;
    }

    private readonly struct Router(BeaconGatewayPipeline pipeline, int receiverIndex, DateTimeOffset at) : IAdvertisingReportHandler
    {
        public void OnAdvertisingReport(in AdvertisingReport report) => pipeline.Handle(in report, receiverIndex, at);
    }
}
