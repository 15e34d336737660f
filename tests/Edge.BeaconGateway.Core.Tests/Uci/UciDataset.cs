using System.Globalization;
using Edge.BeaconGateway.Receivers;

namespace Edge.BeaconGateway.Tests.Uci;

/// <summary>
/// UCI 435 "BLE RSSI Dataset for Indoor localization": 13 fixed iBeacons (b3001..b3013), RSSI heard by a phone at
/// labelled grid cells (column letter + row number), -200 = not heard. We turn it around: the 13 beacons are
/// receivers, the phone is a member, and the grid is grouped into four zones (docs/zone-accuracy.md).
/// </summary>
internal sealed class UciDataset
{
    public const string RelativePath = "ble/uci-ibeacon-rssi/iBeacon_RSSI_Labeled.csv";

    /// <summary>
    /// Receiver zones, from where each beacon is heard strongest in the labelled data (the layout picture is not
    /// machine-readable here): west = grid columns F-K, middle = L-P, east = Q-U, corridor = grid rows 13-15.
    /// </summary>
    public static readonly (string Receiver, string Zone)[] ReceiverZones =
    [
        ("b3001", "west"), ("b3002", "west"), ("b3005", "west"), ("b3008", "west"),
        ("b3003", "middle"), ("b3006", "middle"), ("b3011", "middle"),
        ("b3004", "east"), ("b3007", "east"), ("b3012", "east"),
        ("b3009", "corridor"), ("b3010", "corridor"), ("b3013", "corridor"),
    ];

    public required IReadOnlyList<UciSample> Samples { get; init; }

    public required IReadOnlyList<ReceiverOptions> Receivers { get; init; }

    public static string ZoneOfCell(string cell)
    {
        var column = char.ToUpperInvariant(cell[0]);
        var row = int.Parse(cell.AsSpan(1), CultureInfo.InvariantCulture);
        return row >= 13 ? "corridor"
            : column <= 'K' ? "west"
            : column <= 'P' ? "middle"
            : "east";
    }

    public static UciDataset Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var beaconColumns = header.Skip(2).ToArray();
        var receiverIndex = beaconColumns.Select(b => Array.FindIndex(ReceiverZones, r => r.Receiver == b)).ToArray();
        var samples = new List<UciSample>();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            var at = DateTime.ParseExact(cells[1], "M-d-yyyy H:mm:ss", CultureInfo.InvariantCulture);
            var readings = new List<(int Receiver, sbyte Rssi)>();
            for (var i = 0; i < beaconColumns.Length; i++)
            {
                var rssi = int.Parse(cells[2 + i], CultureInfo.InvariantCulture);
                if (rssi > -200)
                {
                    readings.Add((receiverIndex[i], (sbyte)rssi));
                }
            }

            samples.Add(new UciSample(cells[0], ZoneOfCell(cells[0]), new DateTimeOffset(at, TimeSpan.Zero), readings));
        }

        return new UciDataset
        {
            Samples = samples.OrderBy(s => s.At).ToList(),
            Receivers = ReceiverZones.Select(r => new ReceiverOptions { Id = r.Receiver, Zone = r.Zone }).ToList(),
        };
    }
}

internal sealed record UciSample(string Cell, string Zone, DateTimeOffset At, IReadOnlyList<(int Receiver, sbyte Rssi)> Readings);
