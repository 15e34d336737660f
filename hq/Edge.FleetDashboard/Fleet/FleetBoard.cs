using Edge.FleetDashboard.Alarms;
using Edge.FleetDashboard.Hosting;
using Edge.FleetDashboard.Sparkplug;
using Edge.Sparkplug;
using Edge.Sparkplug.Protobuf;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace Edge.FleetDashboard.Fleet;

/// <summary>
/// The primary host's picture of the fleet, built from the Sparkplug messages of one group: per store, online from
/// NBIRTH until an NDEATH whose bdSeq matches that birth (a death with another bdSeq is a late will of an older session
/// and is ignored), the node's metrics, its devices from DBIRTH/DDATA/DDEATH, and a bounded history of every numeric
/// metric. seq must go up by one (mod 256) from the NBIRTH's across NDATA and device messages; a gap, or data from a
/// node not born, asks for a rebirth (at most once per <see cref="FleetDashboardOptions.RebirthRetry"/>). Thread-safe.
/// </summary>
internal sealed class FleetBoard(IOptions<FleetDashboardOptions> options, AlarmBook alarms, TimeProvider time)
{
    private readonly FleetDashboardOptions _o = options.Value;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoreNode> _stores = new(StringComparer.Ordinal);

    /// <summary>Raised with the store id after a store changed (outside the lock; handlers must not block).</summary>
    public event Action<string>? Changed;

    public long Received { get; private set; }

    /// <summary>Tells open pages the store changed for another reason than a message (an acknowledged alarm).</summary>
    public void NotifyChanged(string storeId) => Changed?.Invoke(storeId);

    public long Refused { get; private set; }

    public long StaleDeathsIgnored { get; private set; }

    public long RebirthsRequested { get; private set; }

    public ApplyResult Apply(string topic, ReadOnlySpan<byte> payloadBytes)
    {
        var result = ApplyCore(topic, payloadBytes);
        lock (_gate)
        {
            Received++;
            Refused += result.Outcome == ApplyOutcome.Refused ? 1 : 0;
            RebirthsRequested += result.Outcome == ApplyOutcome.RebirthNeeded ? 1 : 0;
        }

        if (result.StoreId is { } store && result.Outcome != ApplyOutcome.Refused)
        {
            if (Store(store) is { } view)
            {
                alarms.Evaluate(store, AlarmRules.For(view, _o));
            }

            Changed?.Invoke(store);
        }

        return result;
    }

    public IReadOnlyList<StoreView> Stores()
    {
        lock (_gate)
        {
            return [.. _stores.Values.OrderBy(s => s.StoreId, StringComparer.Ordinal).Select(View)];
        }
    }

    public StoreView? Store(string storeId)
    {
        lock (_gate)
        {
            return _stores.TryGetValue(storeId, out var node) ? View(node) : null;
        }
    }

    /// <summary>The names of the store's metrics that have a history (numeric ones), sorted.</summary>
    public IReadOnlyList<string> ChartableMetrics(string storeId)
    {
        lock (_gate)
        {
            return _stores.TryGetValue(storeId, out var node) ? [.. node.History.Keys.Order(StringComparer.Ordinal)] : [];
        }
    }

    public IReadOnlyList<(DateTimeOffset At, double Value)> History(string storeId, string metric)
    {
        lock (_gate)
        {
            return _stores.TryGetValue(storeId, out var node) && node.History.TryGetValue(metric, out var history) ? history.ToList() : [];
        }
    }

    private ApplyResult ApplyCore(string topicText, ReadOnlySpan<byte> payloadBytes)
    {
        if (SparkplugTopic.Parse(topicText, out var topicError) is not { } topic)
        {
            return new ApplyResult(ApplyOutcome.Refused, null, topicError);
        }

        if (topic.Group != _o.Group)
        {
            return new ApplyResult(ApplyOutcome.Refused, null, $"group '{topic.Group}' is not the watched group '{_o.Group}'");
        }

        if (topic.MessageType is "NCMD" or "DCMD")
        {
            return new ApplyResult(ApplyOutcome.Ignored, null, "a command (ours or another host's)");
        }

        Payload payload;
        try
        {
            payload = Payload.Parser.ParseFrom(payloadBytes);
        }
        catch (InvalidProtocolBufferException ex)
        {
            return new ApplyResult(ApplyOutcome.Refused, topic.Node, "not a Sparkplug B payload: " + ex.Message);
        }

        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_stores.TryGetValue(topic.Node, out var node))
            {
                if (topic.MessageType == "NDEATH")
                {
                    return new ApplyResult(ApplyOutcome.Ignored, null, "death of a node never born");
                }

                _stores[topic.Node] = node = new StoreNode(topic.Node);
            }

            node.LastMessageAt = now;
            return topic.MessageType switch
            {
                "NBIRTH" => Birth(node, payload, now),
                "NDEATH" => Death(node, payload, now),
                _ => Data(node, topic, payload, now),
            };
        }
    }

    private ApplyResult Birth(StoreNode node, Payload payload, DateTimeOffset now)
    {
        if (BdSeqOf(payload) is not { } bdSeq)
        {
            return new ApplyResult(ApplyOutcome.Refused, node.StoreId, "NBIRTH without an integer bdSeq metric");
        }

        node.Online = true;
        node.BdSeq = bdSeq;
        node.BornAt = now;
        node.DiedAt = null;
        node.LastSeq = payload.HasSeq ? payload.Seq % 256 : 0;
        node.RebirthRequestedAt = null;
        node.Metrics.Clear();
        node.Aliases.Clear();
        foreach (var device in node.Devices.Values)
        {
            // A new session: devices are back only when they are born again in it.
            device.Online = false;
        }

        SetMetrics(node.Metrics, node.Aliases, payload, now, birth: true, node);
        return new ApplyResult(ApplyOutcome.Applied, node.StoreId, "born with bdSeq " + bdSeq);
    }

    private ApplyResult Death(StoreNode node, Payload payload, DateTimeOffset now)
    {
        if (BdSeqOf(payload) is not { } bdSeq)
        {
            return new ApplyResult(ApplyOutcome.Refused, node.StoreId, "NDEATH without an integer bdSeq metric");
        }

        if (!node.Online || bdSeq != node.BdSeq)
        {
            node.StaleDeathsIgnored++;
            StaleDeathsIgnored++;
            return new ApplyResult(ApplyOutcome.Ignored, node.StoreId, $"death with bdSeq {bdSeq} while the current birth has bdSeq {node.BdSeq}");
        }

        node.Online = false;
        node.DiedAt = now;
        foreach (var device in node.Devices.Values)
        {
            device.Online = false;
        }

        return new ApplyResult(ApplyOutcome.Applied, node.StoreId, "died with bdSeq " + bdSeq);
    }

    private ApplyResult Data(StoreNode node, SparkplugTopic topic, Payload payload, DateTimeOffset now)
    {
        string? problem = null;
        if (!node.Online)
        {
            problem = $"{topic.MessageType} from a node that is not born (the host started after its NBIRTH, or missed it)";
        }
        else
        {
            var expected = ((node.LastSeq ?? 0) + 1) % 256;
            if (!payload.HasSeq || payload.Seq % 256 != expected)
            {
                node.SeqGaps++;
                problem = payload.HasSeq ? $"seq {payload.Seq} where {expected} was due" : $"{topic.MessageType} without seq";
            }

            node.LastSeq = payload.HasSeq ? payload.Seq % 256 : node.LastSeq;
            switch (topic.MessageType)
            {
                case "NDATA":
                    SetMetrics(node.Metrics, node.Aliases, payload, now, birth: false, node);
                    break;
                case "DBIRTH":
                    var born = Device(node, topic.Device!);
                    born.Online = true;
                    born.Since = now;
                    born.Metrics.Clear();
                    born.Aliases.Clear();
                    SetMetrics(born.Metrics, born.Aliases, payload, now, birth: true, history: null);
                    break;
                case "DDATA":
                    if (node.Devices.TryGetValue(topic.Device!, out var device) && device.Online)
                    {
                        SetMetrics(device.Metrics, device.Aliases, payload, now, birth: false, history: null);
                    }
                    else
                    {
                        problem ??= $"DDATA from device {topic.Device} that is not born";
                    }

                    break;
                case "DDEATH":
                    var dead = Device(node, topic.Device!);
                    dead.Online = false;
                    dead.Since = now;
                    break;
            }
        }

        if (problem is null)
        {
            return new ApplyResult(ApplyOutcome.Applied, node.StoreId);
        }

        if (node.RebirthRequestedAt is { } asked && now - asked < _o.RebirthRetry)
        {
            return new ApplyResult(ApplyOutcome.Applied, node.StoreId, problem + " (rebirth already requested)");
        }

        node.RebirthRequestedAt = now;
        return new ApplyResult(ApplyOutcome.RebirthNeeded, node.StoreId, problem);
    }

    private static DeviceNode Device(StoreNode node, string id)
    {
        if (!node.Devices.TryGetValue(id, out var device))
        {
            node.Devices[id] = device = new DeviceNode(id);
        }

        return device;
    }

    private void SetMetrics(Dictionary<string, MetricValue> metrics, Dictionary<ulong, string> aliases, Payload payload, DateTimeOffset now, bool birth, StoreNode? history)
    {
        var payloadAt = payload.HasTimestamp ? FromMs(payload.Timestamp) : now;
        foreach (var m in payload.Metrics)
        {
            var name = m.HasName && m.Name.Length > 0 ? m.Name : m.HasAlias && aliases.TryGetValue(m.Alias, out var aliased) ? aliased : null;
            if (name is null)
            {
                continue; // an alias the birth never declared: nothing to file it under
            }

            if (birth && m.HasAlias)
            {
                aliases[m.Alias] = name;
            }

            // Data messages may leave the datatype out: the birth declared it.
            var type = m.HasDatatype ? (SparkplugDataType)m.Datatype : metrics.GetValueOrDefault(name)?.Type ?? SparkplugDataType.Unknown;
            var value = MetricValue.From(m, type, m.HasTimestamp ? FromMs(m.Timestamp) : payloadAt);
            metrics[name] = value;
            if (history is not null && value.AsNumber() is { } number && !name.StartsWith("Node Control/", StringComparison.Ordinal) && name != SparkplugTopics.BdSeq)
            {
                if (!history.History.TryGetValue(name, out var h))
                {
                    history.History[name] = h = new MetricHistory(_o.HistoryPoints);
                }

                h.Add(value.At, number);
            }
        }
    }

    private static DateTimeOffset FromMs(ulong ms) =>
        ms <= (ulong)DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms) : DateTimeOffset.UnixEpoch;

    private static long? BdSeqOf(Payload payload)
    {
        var metric = payload.Metrics.FirstOrDefault(m => m.Name == SparkplugTopics.BdSeq);
        return metric?.ValueCase switch
        {
            Payload.Types.Metric.ValueOneofCase.LongValue => (long)(metric.LongValue % 256),
            Payload.Types.Metric.ValueOneofCase.IntValue => metric.IntValue % 256,
            _ => null,
        };
    }

    private static StoreView View(StoreNode n) => new(
        n.StoreId, n.Online, n.BdSeq, n.BornAt, n.DiedAt, n.LastMessageAt, n.SeqGaps, n.StaleDeathsIgnored, n.RebirthRequestedAt is not null,
        new Dictionary<string, MetricValue>(n.Metrics, StringComparer.Ordinal),
        [.. n.Devices.Values.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => new DeviceView(
            d.Id,
            d.Metrics.GetValueOrDefault(HubMetrics.DeviceKind)?.Display() ?? d.Id.Split('-')[0],
            d.Metrics.GetValueOrDefault(HubMetrics.DeviceStatus)?.Display() ?? string.Empty,
            d.Online,
            d.Since))]);
}
