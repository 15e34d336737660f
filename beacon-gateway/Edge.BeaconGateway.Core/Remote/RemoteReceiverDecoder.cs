using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Edge.BeaconGateway.Advertising;
using Edge.BeaconGateway.Hci;
using Edge.BeaconGateway.Pipeline;
using Edge.BeaconGateway.Receivers;
using Edge.BeaconGateway.StoreBeacons;

namespace Edge.BeaconGateway.Remote;

/// <summary>
/// Turns remote receivers' messages into the pipeline's inputs (<see cref="RemoteTopics"/>). Raw relays go through
/// the privacy gate like local adverts; ESPresense device reports only matter when they name a store beacon, and
/// everything else is dropped without a trace (an aggregate count only). Bad topics, JSON and hex are counted by
/// reason, never thrown.
/// </summary>
public sealed class RemoteReceiverDecoder
{
    private readonly BeaconGatewayPipeline _pipeline;
    private readonly ReceiverMap _receivers;
    private readonly StoreBeaconRegistry _beacons;
    private readonly StoreBeaconMonitor _monitor;
    private readonly MalformedCounters _counters;
    private long _ignored;

    public RemoteReceiverDecoder(BeaconGatewayPipeline pipeline, ReceiverMap receivers, StoreBeaconRegistry beacons, StoreBeaconMonitor monitor)
    {
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _receivers = receivers ?? throw new ArgumentNullException(nameof(receivers));
        _beacons = beacons ?? throw new ArgumentNullException(nameof(beacons));
        _monitor = monitor ?? throw new ArgumentNullException(nameof(monitor));
        _counters = pipeline.Counters;
    }

    /// <summary>ESPresense reports that named no store beacon. Aggregate only.</summary>
    public long IgnoredDeviceReports => Interlocked.Read(ref _ignored);

    /// <summary>Handles one message; returns false when it was rejected (and counted).</summary>
    public bool Handle(string topic, ReadOnlySpan<byte> payload, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (topic.StartsWith(RemoteTopics.RawPrefix, StringComparison.Ordinal))
        {
            return HandleRaw(topic[RemoteTopics.RawPrefix.Length..], payload, at);
        }

        if (topic.StartsWith(RemoteTopics.EspresensePrefix, StringComparison.Ordinal))
        {
            var rest = topic.AsSpan(RemoteTopics.EspresensePrefix.Length);
            var slash = rest.LastIndexOf('/');
            if (slash <= 0 || slash == rest.Length - 1)
            {
                return Reject(MalformedReason.RemoteBadTopic);
            }

            return HandleEspresense(rest[(slash + 1)..].ToString(), payload, at);
        }

        return Reject(MalformedReason.RemoteBadTopic);
    }

    private bool HandleRaw(string receiverId, ReadOnlySpan<byte> payload, DateTimeOffset at)
    {
        if (!_receivers.TryGetIndex(receiverId, out var receiver))
        {
            return Reject(MalformedReason.RemoteBadTopic);
        }

        string? mac = null;
        string? hex = null;
        int? rssi = null;
        var addressType = AddressType.Random;
        try
        {
            var reader = new Utf8JsonReader(payload);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Reject(MalformedReason.RemoteBadJson);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "mac" when reader.TokenType == JsonTokenType.String:
                        mac = reader.GetString();
                        break;
                    case "data" when reader.TokenType == JsonTokenType.String:
                        hex = reader.GetString();
                        break;
                    case "rssi" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var r):
                        rssi = r;
                        break;
                    case "addrType" when reader.TokenType == JsonTokenType.Number && reader.TryGetByte(out var t):
                        addressType = (AddressType)t;
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return Reject(MalformedReason.RemoteBadJson);
        }

        if (mac is null || hex is null || rssi is not (>= -127 and <= 20))
        {
            return Reject(MalformedReason.RemoteBadJson);
        }

        BleAddress address;
        try
        {
            address = BleAddress.Parse(mac, addressType);
        }
        catch (FormatException)
        {
            return Reject(MalformedReason.RemoteBadJson);
        }

        if (hex.Length % 2 != 0 || hex.Length > 2 * HciConstants.MaxExtendedAdvertisingData)
        {
            return Reject(MalformedReason.RemoteBadHex);
        }

        var data = ArrayPool<byte>.Shared.Rent(hex.Length / 2);
        try
        {
            if (Convert.FromHexString(hex, data, out _, out var written) != OperationStatus.Done)
            {
                return Reject(MalformedReason.RemoteBadHex);
            }

            _pipeline.OnAdvert(receiver, address, (sbyte)rssi.Value, data.AsSpan(0, written), at);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(data);
        }
    }

    private bool HandleEspresense(string room, ReadOnlySpan<byte> payload, DateTimeOffset at)
    {
        if (!_receivers.TryGetIndex(room, out _))
        {
            return Reject(MalformedReason.RemoteBadTopic);
        }

        string? id = null;
        string? mac = null;
        var hasRssi = false;
        try
        {
            using var document = JsonDocument.Parse(payload.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Reject(MalformedReason.RemoteBadJson);
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "id" when property.Value.ValueKind == JsonValueKind.String:
                        id = property.Value.GetString();
                        break;
                    case "mac" when property.Value.ValueKind == JsonValueKind.String:
                        mac = property.Value.GetString();
                        break;
                    case "rssi" when property.Value.ValueKind == JsonValueKind.Number:
                        hasRssi = true;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return Reject(MalformedReason.RemoteBadJson);
        }

        if (id is null || !hasRssi)
        {
            return Reject(MalformedReason.RemoteBadJson);
        }

        if (TryStoreBeacon(id, mac, out var index))
        {
            _monitor.OnSeen(index, at);
        }
        else
        {
            Interlocked.Increment(ref _ignored);
        }

        return true;
    }

    private bool TryStoreBeacon(string id, string? mac, out int index)
    {
        // ESPresense names iBeacons "iBeacon:{uuid}-{major}-{minor}".
        const string Prefix = "iBeacon:";
        if (id.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && id.Length > Prefix.Length + 36)
        {
            var parts = id[(Prefix.Length + 36)..].Split('-', StringSplitOptions.RemoveEmptyEntries);
            if (Guid.TryParse(id.AsSpan(Prefix.Length, 36), out _) && parts.Length == 2
                && ushort.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
                && ushort.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
            {
                var frame = new IBeaconFrame(Uuid128.Parse(id.Substring(Prefix.Length, 36)), major, minor, 0);
                if (_beacons.TryFind(frame, out index))
                {
                    return true;
                }
            }
        }

        if (mac is { Length: 12 or 17 } && ulong.TryParse(mac.Replace(":", string.Empty, StringComparison.Ordinal), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var address))
        {
            return _beacons.TryFindByAddress(address, out index);
        }

        index = -1;
        return false;
    }

    private bool Reject(MalformedReason reason)
    {
        _counters.Increment(reason);
        return false;
    }
}
