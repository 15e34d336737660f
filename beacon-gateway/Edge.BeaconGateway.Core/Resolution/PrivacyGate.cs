using Edge.BeaconGateway.Advertising;
using Edge.BeaconGateway.Hci;
using Edge.BeaconGateway.Members;
using Edge.BeaconGateway.StoreBeacons;

namespace Edge.BeaconGateway.Resolution;

/// <summary>
/// Decides, from one advert, whether it belongs to an enrolled member or a store beacon. Everything else is a
/// stranger, and this is where a stranger ends: the gate returns <see cref="Classification.Stranger"/> and keeps
/// nothing (no address, RSSI, payload, per-device count). Allocation-free: one AD walk, table and dictionary
/// look-ups with struct keys.
/// </summary>
public sealed class PrivacyGate
{
    private readonly RotatingIdResolver _members;
    private readonly StoreBeaconRegistry _beacons;
    private readonly MalformedCounters _counters;

    public PrivacyGate(RotatingIdResolver members, StoreBeaconRegistry beacons, MalformedCounters counters)
    {
        _members = members;
        _beacons = beacons;
        _counters = counters;
    }

    public Classification Classify(ReadOnlySpan<byte> advertisingData, BleAddress address)
    {
        var reader = new AdStructureReader(advertisingData);
        while (reader.TryRead(out var type, out var value))
        {
            if (type == AdType.ServiceData16)
            {
                if (MemberFrame.TryRead(value, out var id, out var txAt1m, out var badLayout))
                {
                    return _members.TryResolve(id, out var memberId, out _)
                        ? new Classification(AdvertKind.Member, 0, txAt1m, default, memberId)
                        : Classification.Stranger;
                }

                if (badLayout)
                {
                    _counters.Increment(MalformedReason.MemberFrameBadLayout);
                    return Classification.Stranger;
                }

                if (value.Length >= 3 && System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(value) == Eddystone.ServiceUuid)
                {
                    var frame = value[2..];
                    if (EddystoneUid.TryParse(frame, out var uid) && _beacons.TryFind(uid, out var uidIndex))
                    {
                        return new Classification(AdvertKind.StoreBeacon, uidIndex, uid.TxPowerAt0m, default);
                    }

                    if (EddystoneTlm.TryParse(frame, out var tlm) && _beacons.TryFindByAddress(address.Value, out var tlmIndex))
                    {
                        return new Classification(AdvertKind.StoreBeaconTelemetry, tlmIndex, 0, tlm);
                    }
                }
            }
            else if (type == AdType.ManufacturerSpecificData
                && IBeaconFrame.TryParseManufacturerData(value, out var ibeacon)
                && _beacons.TryFind(ibeacon, out var beaconIndex))
            {
                return new Classification(AdvertKind.StoreBeacon, beaconIndex, ibeacon.MeasuredPower, default);
            }
        }

        return Classification.Stranger;
    }
}
