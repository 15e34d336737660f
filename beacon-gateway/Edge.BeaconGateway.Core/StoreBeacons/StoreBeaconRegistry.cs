using System.Globalization;
using Edge.BeaconGateway.Advertising;

namespace Edge.BeaconGateway.StoreBeacons;

/// <summary>Look-ups from what a store beacon advertises to its configured index. Allocation-free struct keys.</summary>
public sealed class StoreBeaconRegistry
{
    private readonly Dictionary<(Uuid128 Uuid, ushort Major, ushort Minor), int> _ibeacons = [];
    private readonly Dictionary<(ulong NamespaceHigh, ushort NamespaceLow, ulong Instance), int> _eddystone = [];
    private readonly Dictionary<ulong, int> _addresses = [];

    public StoreBeaconRegistry(IReadOnlyList<StoreBeaconOptions> beacons)
    {
        ArgumentNullException.ThrowIfNull(beacons);
        Beacons = beacons;
        for (var i = 0; i < beacons.Count; i++)
        {
            var b = beacons[i];
            if (string.IsNullOrWhiteSpace(b.Id))
            {
                throw new ArgumentException($"Store beacon #{i} has no Id.", nameof(beacons));
            }

            var identified = false;
            if (!string.IsNullOrEmpty(b.IBeaconUuid))
            {
                _ibeacons[(Uuid128.Parse(b.IBeaconUuid), b.Major, b.Minor)] = i;
                identified = true;
            }

            if (!string.IsNullOrEmpty(b.EddystoneUid))
            {
                _eddystone[ParseEddystoneUid(b.EddystoneUid, b.Id)] = i;
                identified = true;
            }

            if (!string.IsNullOrEmpty(b.Address))
            {
                _addresses[Hci.BleAddress.Parse(b.Address, Hci.AddressType.Public).Value] = i;
                identified = true;
            }

            if (!identified)
            {
                throw new ArgumentException($"Store beacon '{b.Id}' needs an IBeaconUuid, an EddystoneUid or an Address.", nameof(beacons));
            }
        }
    }

    public IReadOnlyList<StoreBeaconOptions> Beacons { get; }

    public bool TryFind(in IBeaconFrame frame, out int index) =>
        _ibeacons.TryGetValue((frame.ProximityUuid, frame.Major, frame.Minor), out index);

    public bool TryFind(in EddystoneUid uid, out int index) =>
        _eddystone.TryGetValue((uid.NamespaceHigh, uid.NamespaceLow, uid.Instance), out index);

    public bool TryFindByAddress(ulong address, out int index) => _addresses.TryGetValue(address, out index);

    private static (ulong, ushort, ulong) ParseEddystoneUid(string text, string id)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || parts[0].Length != 20 || parts[1].Length != 12)
        {
            throw new FormatException($"Store beacon '{id}': EddystoneUid must be 20 hex digits, '/', 12 hex digits.");
        }

        return (
            ulong.Parse(parts[0][..16], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            ushort.Parse(parts[0][16..], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            ulong.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }
}
