using System.Security.Cryptography;
using System.Text.Json;
using Edge.Contracts.Members;
using Edge.Contracts.Zones;
using Edge.Messaging;
using Edge.ReferenceCloud.Diagnostics;
using Edge.ReferenceCloud.Hosting;
using Edge.ReferenceCloud.Members;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.ReferenceCloud.Phone;

/// <summary>
/// Plays a member's phone app: while a walk lasts, the phone advertises every <see cref="ReferenceCloudOptions.PhoneAdvertInterval"/>
/// the member frame with the rotating ID of the current window (the shared derivation, on the injected clock), and
/// every receiver of the walked zone relays it to the store hub's broker as a raw advert report, as beacon-gateway's
/// remote relays do. One random static address per walk, like an app that restarts advertising.
/// </summary>
internal sealed class PhonePlayer(IMqttClient? hub, MemberRegistry members, TimeProvider time, IOptions<ReferenceCloudOptions> options, ILogger<PhonePlayer> logger) : IAsyncDisposable
{
    private const string RawTopicPrefix = "store/ble/raw/";
    private readonly ReferenceCloudOptions _o = options.Value;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private readonly List<Task> _walks = [];

    /// <summary>
    /// Checks the request and starts the walk in the background. <see cref="KeyNotFoundException"/>: no such opted-in
    /// member; <see cref="ArgumentException"/>: bad zone or length, or the player is not set up (the message says which key).
    /// </summary>
    public async Task<WalkStarted> StartWalkAsync(string storeId, string memberId, WalkRequest request, CancellationToken cancellationToken)
    {
        var key = members.KeyOf(storeId, memberId) ?? throw new KeyNotFoundException($"member '{memberId}' of store '{storeId}' is not opted in");
        if (hub is null)
        {
            throw new ArgumentException("the phone player has no hub broker: set ReferenceCloud:PhoneBroker");
        }

        var zones = LoadZones();
        var zone = zones.Zones.FirstOrDefault(z => z.Id == request.Zone)
            ?? throw new ArgumentException($"zone '{request.Zone}' is not in {_o.ZonesFile}; zones: {string.Join(", ", zones.Zones.Select(z => z.Id))}");
        var receivers = zone.Receivers.Where(r => r.Kind != ReceiverKind.Beacon).Select(r => r.Id).ToList();
        if (receivers.Count == 0)
        {
            throw new ArgumentException($"zone '{zone.Id}' has no receiver that hears phones (only beacons)");
        }

        var length = TimeSpan.FromSeconds(request.Seconds);
        if (request.Seconds < 1 || length > _o.MaxWalk)
        {
            throw new ArgumentException($"seconds must be 1 to {_o.MaxWalk.TotalSeconds:0} (ReferenceCloud:MaxWalk)");
        }

        await EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
        var adverts = (int)Math.Max(1, length.Ticks / _o.PhoneAdvertInterval.Ticks);
        var from = time.GetUtcNow();
        lock (_walks)
        {
            _walks.RemoveAll(w => w.IsCompleted);
            _walks.Add(WalkAsync(hub, key, receivers, adverts, _stopping.Token));
        }

        CloudLog.WalkStarted(logger, storeId, memberId, zone.Id, adverts);
        return new WalkStarted(memberId, zone.Id, receivers, adverts, from, from + (_o.PhoneAdvertInterval * (adverts - 1)));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] walks;
        lock (_walks)
        {
            walks = [.. _walks];
        }

        await Task.WhenAll(walks).ConfigureAwait(false);
        _stopping.Dispose();
        _connectGate.Dispose();
    }

    private async Task WalkAsync(IMqttClient client, byte[] key, IReadOnlyList<string> receivers, int adverts, CancellationToken cancellationToken)
    {
        var mac = RandomNumberGenerator.GetBytes(6);
        mac[0] |= 0xC0; // a static random address: the two top bits set
        var address = string.Join(':', mac.Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
        var data = new byte[MemberAdvert.Length];
        try
        {
            for (var i = 0; i < adverts; i++)
            {
                if (i > 0)
                {
                    await Task.Delay(_o.PhoneAdvertInterval, time, cancellationToken).ConfigureAwait(false);
                }

                var window = RotatingId.WindowIndex(time.GetUtcNow(), RotatingId.DefaultWindow);
                MemberAdvert.Write(data, RotatingId.Compute(key, window), (sbyte)_o.PhoneTxPowerAt1m);
                var payload = JsonSerializer.SerializeToUtf8Bytes(new RawAdvertReport(address, 1, _o.PhoneRssi, Convert.ToHexStringLower(data)), PhoneJsonContext.Default.RawAdvertReport);
                foreach (var receiver in receivers)
                {
                    // QoS 0, as relays send: a lost advert is a lost radio packet, the next one follows.
                    await client.PublishAsync(new MqttMessage(RawTopicPrefix + receiver, payload) { PayloadIsUtf8 = true }, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is MqttException or InvalidOperationException)
        {
            CloudLog.WalkFailed(logger, ex);
        }
    }

    private StoreZones LoadZones()
    {
        if (string.IsNullOrWhiteSpace(_o.ZonesFile) || !File.Exists(_o.ZonesFile))
        {
            throw new ArgumentException($"the store's zones file '{_o.ZonesFile}' is missing: set ReferenceCloud:ZonesFile");
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(_o.ZonesFile), ZonesJsonContext.Default.StoreZones) is { Zones: not null } zones
                ? zones
                : throw new ArgumentException($"{_o.ZonesFile} has no zones");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"{_o.ZonesFile} is not a zones file: {e.Message}");
        }
    }

    private async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        await _connectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (hub!.State == MqttConnectionState.Disconnected)
            {
                await hub.ConnectAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _connectGate.Release();
        }
    }
}
