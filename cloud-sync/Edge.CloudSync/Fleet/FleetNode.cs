using System.Globalization;
using System.Threading.Channels;
using Edge.CloudSync.Connection;
using Edge.CloudSync.Downstream;
using Edge.CloudSync.Hosting;
using Edge.CloudSync.Outbox;
using Edge.CloudSync.Upstream;
using Edge.Hosting;
using Edge.Messaging;
using Edge.Sparkplug;
using Edge.Sparkplug.Protobuf;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.CloudSync.Fleet;

/// <summary>
/// The hub as a Sparkplug B 3.0 edge node on its own MQTT connection to the cloud broker (clean session, as the
/// specification requires, with NDEATH as the will carrying the bdSeq that the following NBIRTH repeats). On every
/// connect: NBIRTH with every node metric (seq 0), then DBIRTH per online device. Each sample: NDATA with only the
/// metrics that moved beyond their deadband; DBIRTH/DDATA/DDEATH as devices appear, change and go. NCMD
/// Node Control/Rebirth re-sends the births; Node Control/Reboot asks <see cref="IRebootRequester"/>; Node Control/Resync
/// and Node Control/Diagnostic Bundle go to <see cref="HubControl"/>. A command metric must be a Boolean true; any other
/// metric or value is refused, logged and counted (Commands/Refused). One loop does all of it, so seq numbers are never
/// interleaved.
/// </summary>
internal sealed class FleetNode : BackgroundService
{
    private readonly CloudBus _cloud;
    private readonly LocalBus _local;
    private readonly LocalFleetInputs _inputs;
    private readonly OutboxStore _outbox;
    private readonly UpstreamCounters _up;
    private readonly DownstreamCounters _down;
    private readonly IRebootRequester _reboot;
    private readonly HubControl _control;
    private readonly ConfigurationVersion _configuration;
    private readonly IMqttClientFactory _factory;
    private readonly FleetOptions _o;
    private readonly CloudSyncOptions _cloudOptions;
    private readonly string _bdSeqFile;
    private readonly string _outboxDirectory;
    private readonly EdgeServiceInfo _service;
    private readonly TimeProvider _time;
    private readonly ILogger<FleetNode> _logger;
    private readonly SystemStats _system = new();
    private readonly Channel<Work> _work = Channel.CreateBounded<Work>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<string, FleetMetric> _sent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _devicesSent = new(StringComparer.Ordinal);
    private MqttLink? _link;
    private ulong _seq;
    private double _lastCpu = double.NaN;

    public FleetNode(
        CloudBus cloud,
        LocalBus local,
        LocalFleetInputs inputs,
        OutboxStore outbox,
        UpstreamCounters up,
        DownstreamCounters down,
        IRebootRequester reboot,
        HubControl control,
        ConfigurationVersion configuration,
        IMqttClientFactory factory,
        IOptions<FleetOptions> options,
        IOptions<CloudSyncOptions> cloudOptions,
        IOptions<OutboxOptions> outboxOptions,
        EdgeServiceInfo service,
        TimeProvider time,
        ILogger<FleetNode> logger)
    {
        _cloud = cloud;
        _local = local;
        _inputs = inputs;
        _outbox = outbox;
        _up = up;
        _down = down;
        _reboot = reboot;
        _control = control;
        _configuration = configuration;
        _factory = factory;
        _o = options.Value;
        _cloudOptions = cloudOptions.Value;
        _outboxDirectory = Path.GetDirectoryName(Path.GetFullPath(outboxOptions.Value.DatabasePath))!;
        _bdSeqFile = string.IsNullOrEmpty(_o.BdSeqFile) ? Path.Combine(_outboxDirectory, "bdseq") : _o.BdSeqFile;
        _service = service;
        _time = time;
        _logger = logger;
    }

    /// <summary>The bdSeq of this process's connection (NBIRTH and the NDEATH will).</summary>
    public long BdSeq { get; private set; } = -1;

    /// <summary>Reboots asked for by NCMD (for health and tests).</summary>
    public int RebootRequests { get; private set; }

    /// <summary>NCMD metrics refused (unknown name, not a boolean true, not a Sparkplug payload): Sparkplug Commands/Refused.</summary>
    public long CommandsRefused { get; private set; }

    /// <summary>Resyncs and diagnostic bundles asked for by NCMD (queued or coalesced).</summary>
    public long ResyncCommands { get; private set; }

    public long DiagnosticCommands { get; private set; }

    private string Group => _cloud.Cloud.Region;

    private string NodeId => _cloud.Cloud.StoreId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_o.Enabled || !_cloud.Cloud.IsOnline)
        {
            return;
        }

        BdSeq = NextBdSeq();
        var death = SparkplugPayloads.Build(_time.GetUtcNow(), null, [new FleetMetric(SparkplugTopics.BdSeq, SparkplugDataType.Int64, BdSeq)]);
        var options = CloudBus.ClientOptions(_cloud.Cloud, _cloudOptions, $"{_cloud.Cloud.StoreId}-{_cloud.Cloud.HubId}-fleet", cleanStart: true, TimeSpan.Zero);
        options.OfflinePublish = MqttOfflinePublishPolicy.FailFast;
        options.Will = new MqttMessage(SparkplugTopics.Node(Group, "NDEATH", NodeId), death) { Qos = MqttQualityOfService.AtLeastOnce };
        // A graceful stop DISCONNECTs, which makes the broker discard the will; Sparkplug 3.0 wants an NDEATH at an
        // intentional disconnect too, so the DISCONNECT asks the broker to publish it (MQTT 5 reason code 0x04).
        options.PublishWillOnDisconnect = true;
        var client = _factory.Create(options);
        _link = new MqttLink("fleet", client, _cloudOptions, _time, _logger);
        await using (_link.ConfigureAwait(false))
        {
            client.StateChanged += (_, e) =>
            {
                if (e.Current == MqttConnectionState.Connected)
                {
                    _work.Writer.TryWrite(Work.Birth);
                }
            };
            _inputs.Changed += () => _work.Writer.TryWrite(Work.Sample);
            _link.Start();
            using var sampler = _time.CreateTimer(_ => _work.Writer.TryWrite(Work.Sample), null, _o.SampleInterval, _o.SampleInterval);
            var commands = PumpCommandsAsync(client, stoppingToken);
            try
            {
                _ = SubscribeLocalAsync(stoppingToken);
                await foreach (var work in _work.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
                {
                    await DoAsync(client, work, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }

            await commands.ConfigureAwait(false);
            await _link.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task SubscribeLocalAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _local.Link.WhenConnectedAsync(cancellationToken).ConfigureAwait(false);
            await _local.Link.Client.SubscribeAsync([.. LocalFleetInputs.Filters.Select(f => new MqttSubscription(f))], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or MqttException)
        {
            CloudSyncLog.FleetPublishFailed(_logger, "local subscriptions", ex.Message);
        }
    }

    private async Task PumpCommandsAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        try
        {
            await _link!.WhenConnectedAsync(cancellationToken).ConfigureAwait(false);
            await client.SubscribeAsync(
                [new MqttSubscription(SparkplugTopics.Node(Group, "NCMD", NodeId)), new MqttSubscription(SparkplugTopics.Device(Group, "DCMD", NodeId, "+"))],
                cancellationToken).ConfigureAwait(false);
            await foreach (var m in client.Messages.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await _work.Writer.WriteAsync(new Work(WorkKind.Command, m), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task DoAsync(IMqttClient client, Work work, CancellationToken cancellationToken)
    {
        if (client.State != MqttConnectionState.Connected && work.Kind != WorkKind.Command)
        {
            return;
        }

        try
        {
            switch (work.Kind)
            {
                case WorkKind.Birth:
                    await BirthAsync(client, cancellationToken).ConfigureAwait(false);
                    break;
                case WorkKind.Sample:
                    await SampleAsync(client, cancellationToken).ConfigureAwait(false);
                    break;
                case WorkKind.Command:
                    await CommandAsync(client, work.Message!, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (MqttException ex)
        {
            // The connection dropped under us; the next connect re-sends the births.
            CloudSyncLog.FleetPublishFailed(_logger, work.Kind.ToString(), ex.Message);
        }
    }

    private async Task BirthAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        _seq = 0;
        var metrics = NodeMetrics();
        await PublishAsync(client, SparkplugTopics.Node(Group, "NBIRTH", NodeId), metrics, cancellationToken, seq: 0).ConfigureAwait(false);
        _sent.Clear();
        foreach (var m in metrics)
        {
            _sent[m.Name] = m;
        }

        _devicesSent.Clear();
        foreach (var (device, status) in _inputs.Devices)
        {
            await DeviceBirthAsync(client, device, status, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SampleAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var metrics = NodeMetrics();
        if (metrics.Count != _sent.Count || metrics.Any(m => !_sent.TryGetValue(m.Name, out var s) || s.Type != m.Type))
        {
            // A new service, stream or device class: Sparkplug allows new metrics only in a birth.
            await BirthAsync(client, cancellationToken).ConfigureAwait(false);
            return;
        }

        var changed = metrics.Where(m => m.ChangedFrom(_sent[m.Name])).ToList();
        if (changed.Count > 0)
        {
            await PublishAsync(client, SparkplugTopics.Node(Group, "NDATA", NodeId), changed, cancellationToken).ConfigureAwait(false);
            foreach (var m in changed)
            {
                _sent[m.Name] = m;
            }
        }

        var devices = _inputs.Devices.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
        foreach (var gone in _devicesSent.Keys.Where(d => !devices.ContainsKey(d)).ToList())
        {
            await PublishAsync(client, SparkplugTopics.Device(Group, "DDEATH", NodeId, gone), [], cancellationToken).ConfigureAwait(false);
            _devicesSent.Remove(gone);
        }

        foreach (var (device, status) in devices)
        {
            if (!_devicesSent.TryGetValue(device, out var previous))
            {
                await DeviceBirthAsync(client, device, status, cancellationToken).ConfigureAwait(false);
            }
            else if (previous != status)
            {
                await PublishAsync(client, SparkplugTopics.Device(Group, "DDATA", NodeId, device), [new FleetMetric("Status", SparkplugDataType.String, status)], cancellationToken).ConfigureAwait(false);
                _devicesSent[device] = status;
            }
        }
    }

    private async Task DeviceBirthAsync(IMqttClient client, string device, string status, CancellationToken cancellationToken)
    {
        await PublishAsync(client, SparkplugTopics.Device(Group, "DBIRTH", NodeId, device),
            [new FleetMetric("Status", SparkplugDataType.String, status), new FleetMetric("Kind", SparkplugDataType.String, device.Split('-')[0])],
            cancellationToken).ConfigureAwait(false);
        _devicesSent[device] = status;
    }

    private async Task CommandAsync(IMqttClient client, MqttMessage m, CancellationToken cancellationToken)
    {
        Payload payload;
        try
        {
            payload = Payload.Parser.ParseFrom(m.Payload.Span);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException ex)
        {
            Refuse(m.Topic, "not a Sparkplug B payload: " + ex.Message);
            return;
        }

        foreach (var metric in payload.Metrics)
        {
            if (metric.Name is not (SparkplugTopics.Rebirth or SparkplugTopics.Reboot or SparkplugTopics.Resync or SparkplugTopics.DiagnosticBundle))
            {
                Refuse(m.Topic, $"metric '{metric.Name}' is not a command of this node");
                continue;
            }

            // Node Control metrics are Boolean and act on true (Sparkplug 3.0, 6.4.x); anything else is a sender's mistake, not a "no".
            if (metric.ValueCase != Payload.Types.Metric.ValueOneofCase.BooleanValue || !metric.BooleanValue)
            {
                Refuse(m.Topic, $"metric '{metric.Name}' must be a Boolean true, got {(metric.ValueCase == Payload.Types.Metric.ValueOneofCase.BooleanValue ? "false" : metric.ValueCase.ToString())}");
                continue;
            }

            switch (metric.Name)
            {
                case SparkplugTopics.Rebirth when client.State == MqttConnectionState.Connected:
                    await BirthAsync(client, cancellationToken).ConfigureAwait(false);
                    break;
                case SparkplugTopics.Reboot:
                    RebootRequests++;
                    await _reboot.RequestRebootAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case SparkplugTopics.Resync:
                    ResyncCommands++;
                    await _control.RequestResyncAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case SparkplugTopics.DiagnosticBundle:
                    DiagnosticCommands++;
                    await _control.SendDiagnosticBundleAsync(BdSeq, _lastCpu, NodeCounters(), cancellationToken).ConfigureAwait(false);
                    break;
            }
        }

        // The new Sync/Last Resync, Diagnostics/Last Bundle or Commands/Refused goes out now, not at the next sample.
        _work.Writer.TryWrite(Work.Sample);
    }

    private void Refuse(string topic, string reason)
    {
        CommandsRefused++;
        CloudSyncLog.FleetCommandRefused(_logger, topic, reason);
    }

    private Dictionary<string, long> NodeCounters() => new(StringComparer.Ordinal)
    {
        ["commands-refused"] = CommandsRefused,
        ["commands-coalesced"] = _control.Coalesced,
        ["reboots-requested"] = RebootRequests,
        ["resyncs-requested"] = ResyncCommands,
        ["bundles-requested"] = DiagnosticCommands,
    };

    private async Task PublishAsync(IMqttClient client, string topic, IReadOnlyList<FleetMetric> metrics, CancellationToken cancellationToken, ulong? seq = null)
    {
        var s = seq ?? (_seq = (_seq + 1) % 256);
        var payload = SparkplugPayloads.Build(_time.GetUtcNow(), s, metrics);
        await client.PublishAsync(new MqttMessage(topic, payload) { Qos = MqttQualityOfService.AtMostOnce }, cancellationToken).ConfigureAwait(false);
    }

    private List<FleetMetric> NodeMetrics()
    {
        var now = _time.GetUtcNow();
        var stats = _outbox.Stats();
        var oldest = stats.Streams.Where(s => s.OldestCreatedAt is not null).Select(s => s.OldestCreatedAt!.Value).DefaultIfEmpty(now).Min();
        var notAfter = _cloud.Cloud.CertificateNotAfter() ?? DateTimeOffset.UnixEpoch;
        var list = new List<FleetMetric>
        {
            new(SparkplugTopics.BdSeq, SparkplugDataType.Int64, BdSeq),
            new(SparkplugTopics.Rebirth, SparkplugDataType.Boolean, false),
            new(SparkplugTopics.Reboot, SparkplugDataType.Boolean, false),
            new(SparkplugTopics.Resync, SparkplugDataType.Boolean, false),
            new(SparkplugTopics.DiagnosticBundle, SparkplugDataType.Boolean, false),
            new("Properties/Store Id", SparkplugDataType.String, _cloud.Cloud.StoreId),
            new("Properties/Hub Id", SparkplugDataType.String, _cloud.Cloud.HubId),
            new("Properties/Version", SparkplugDataType.String, _service.Version),
            new("Properties/Configuration Version", SparkplugDataType.String, _configuration.Current()),
            new("Sync/Last Resync", SparkplugDataType.DateTime, _control.LastResync ?? DateTimeOffset.UnixEpoch),
            new("Diagnostics/Last Bundle", SparkplugDataType.DateTime, _control.LastBundle ?? DateTimeOffset.UnixEpoch),
            new("Commands/Refused", SparkplugDataType.Int64, CommandsRefused),
            new("Services/cloud-sync/State", SparkplugDataType.String, "running"),
            new("Outbox/Oldest Unsent Age (s)", SparkplugDataType.Double, Math.Round((now - oldest).TotalSeconds, 1), _o.AgeDeadbandSeconds),
            new("Sync/Last Ack", SparkplugDataType.DateTime, _up.LastAck ?? DateTimeOffset.UnixEpoch),
            new("Sync/Cloud Connected", SparkplugDataType.Boolean, _cloud.Link?.IsConnected == true),
            new("Presence/Members Present", SparkplugDataType.Int64, (long)_inputs.MembersPresent),
            new("System/CPU (%)", SparkplugDataType.Double, _lastCpu = _system.CpuPercent(), _o.PercentDeadband),
            new("System/Memory (%)", SparkplugDataType.Double, SystemStats.MemoryPercent(), _o.PercentDeadband),
            new("System/Disk Used (%)", SparkplugDataType.Double, SystemStats.DiskUsedPercent(_outboxDirectory), _o.PercentDeadband),
            new("Certificate/Not After", SparkplugDataType.DateTime, notAfter),
            new("Certificate/Days Left", SparkplugDataType.Double, Math.Round((notAfter - now).TotalDays, 1), 1.0),
            new("Alarms/Outbox Over Quota", SparkplugDataType.Boolean, stats.OverQuotaWithProtectedOnly),
            new("Alarms/Downstream Rejected", SparkplugDataType.Int64, _down.DeadLetters),
            new("Alarms/Upstream Refused", SparkplugDataType.Int64, _up.RefusedTotal),
        };
        if (_inputs.ModelVersion is { } model)
        {
            // Only once edge-agent said which model it serves: HQ shows "no data yet" rather than a made-up value.
            list.Add(new FleetMetric("Properties/Model Version", SparkplugDataType.String, model));
        }

        if (_inputs.ShadowModelVersion is { } shadow)
        {
            // Same rule; "none" is a value here: edge-agent said it runs no shadow model.
            list.Add(new FleetMetric("Properties/Shadow Model Version", SparkplugDataType.String, shadow));
        }

        foreach (var (name, state) in _inputs.Services.Where(s => s.Key != "cloud-sync").OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            list.Add(new FleetMetric($"Services/{name}/State", SparkplugDataType.String, state));
        }

        foreach (var s in stats.Streams)
        {
            list.Add(new FleetMetric($"Outbox/{s.Stream}/Depth", SparkplugDataType.Int64, s.Depth));
        }

        return list;
    }

    /// <summary>bdSeq goes 0..255 and increases with every new MQTT session of this node, across restarts.</summary>
    private long NextBdSeq()
    {
        long last = -1;
        try
        {
            if (File.Exists(_bdSeqFile) && long.TryParse(File.ReadAllText(_bdSeqFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                last = v;
            }
        }
        catch (IOException)
        {
        }

        var next = (last + 1) % 256;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_bdSeqFile))!);
        File.WriteAllText(_bdSeqFile, next.ToString(CultureInfo.InvariantCulture));
        return next;
    }

    private enum WorkKind
    {
        Birth,
        Sample,
        Command,
    }

    private sealed record Work(WorkKind Kind, MqttMessage? Message = null)
    {
        public static readonly Work Birth = new(WorkKind.Birth);
        public static readonly Work Sample = new(WorkKind.Sample);
    }
}
