using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Edge.Contracts.Zones;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Edge.Provisioning.Zones;

/// <summary>
/// Reads a zones file written by hand (YAML) or exported (JSON) and checks it, every error naming its line.
/// Both go through YamlDotNet's node tree, which keeps each node's position (JSON is valid YAML); a JSON file
/// is first checked by System.Text.Json so a JSON syntax error is reported in JSON's terms.
/// </summary>
internal static partial class ZoneFileParser
{
    private static readonly string[] RootKeys = ["version", "storeId", "zones"];
    private static readonly string[] ZoneKeys = ["id", "name", "receivers"];
    private static readonly string[] ReceiverKeys = ["id", "kind", "position", "txPower"];
    private static readonly string[] PositionKeys = ["x", "y"];
    private static readonly Dictionary<string, ReceiverKind> Kinds = new(StringComparer.Ordinal)
    {
        ["hub"] = ReceiverKind.Hub,
        ["espresense"] = ReceiverKind.Espresense,
        ["beacon"] = ReceiverKind.Beacon,
    };

    public static (StoreZones? Zones, IReadOnlyList<ZoneFileError> Errors) Parse(string content, bool json)
    {
        if (json)
        {
            try
            {
                using var _ = JsonDocument.Parse(content);
            }
            catch (JsonException ex)
            {
                return (null, [new ZoneFileError((int)(ex.LineNumber ?? 0) + 1, "not valid JSON: " + JsonMessage(ex.Message))]);
            }
        }

        YamlNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(content));
            if (stream.Documents.Count == 0)
            {
                return (null, [new ZoneFileError(1, "the file is empty")]);
            }

            root = stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            return (null, [new ZoneFileError((int)ex.Start.Line, "not valid YAML: " + (ex.InnerException?.Message ?? ex.Message))]);
        }

        var errors = new List<ZoneFileError>();
        var zones = ReadRoot(root, errors);
        return errors.Count == 0 ? (zones, errors) : (null, errors);
    }

    private static string JsonMessage(string message)
    {
        // System.Text.Json appends "Path: $ | LineNumber: 3 | BytePositionInLine: 4."; the line is already in front.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static StoreZones? ReadRoot(YamlNode root, List<ZoneFileError> errors)
    {
        if (root is not YamlMappingNode map)
        {
            errors.Add(Error(root, "expected a mapping with 'zones' at the top"));
            return null;
        }

        CheckKeys(map, RootKeys, "the top level", errors);
        var version = StoreZones.CurrentVersion;
        if (Get(map, "version") is { } versionNode)
        {
            if (Scalar(versionNode) is not { } v || !int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out version) || version != StoreZones.CurrentVersion)
            {
                errors.Add(Error(versionNode, $"version must be {StoreZones.CurrentVersion}"));
            }
        }

        string? store = null;
        if (Get(map, "storeId") is { } storeNode)
        {
            store = RequireId(storeNode, "storeId", errors);
        }

        if (Get(map, "zones") is not { } zonesNode)
        {
            errors.Add(Error(map, "'zones' is missing"));
            return null;
        }

        if (zonesNode is not YamlSequenceNode zoneList || zoneList.Children.Count == 0)
        {
            errors.Add(Error(zonesNode, "'zones' must be a non-empty list"));
            return null;
        }

        var zones = new List<Zone>();
        var zoneIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var receiverIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in zoneList.Children)
        {
            if (ReadZone(node, zoneIds, receiverIds, errors) is { } zone)
            {
                zones.Add(zone);
            }
        }

        return new StoreZones(version, store, zones);
    }

    private static Zone? ReadZone(YamlNode node, Dictionary<string, int> zoneIds, Dictionary<string, int> receiverIds, List<ZoneFileError> errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(Error(node, "a zone must be a mapping with id, name and receivers"));
            return null;
        }

        var id = Get(map, "id") is { } idNode ? RequireId(idNode, "zone id", errors) : Missing(map, "zone", "id", errors);
        var where = id is null ? "a zone" : $"zone '{id}'";
        CheckKeys(map, ZoneKeys, where, errors);
        if (id is not null && Get(map, "id") is { } idAt)
        {
            if (zoneIds.TryGetValue(id, out var firstLine))
            {
                errors.Add(Error(idAt, $"zone id '{id}' is used twice (first on line {firstLine})"));
            }
            else
            {
                zoneIds[id] = Line(idAt);
            }
        }

        string? name = null;
        if (Get(map, "name") is { } nameNode)
        {
            name = Scalar(nameNode);
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add(Error(nameNode, $"{where}: name must be text"));
            }
        }
        else
        {
            Missing(map, where, "name", errors);
        }

        var receivers = new List<ZoneReceiver>();
        if (Get(map, "receivers") is not { } receiversNode)
        {
            Missing(map, where, "receivers", errors);
        }
        else if (receiversNode is not YamlSequenceNode list || list.Children.Count == 0)
        {
            errors.Add(Error(receiversNode, $"{where}: receivers must be a non-empty list"));
        }
        else
        {
            foreach (var r in list.Children)
            {
                if (ReadReceiver(r, where, receiverIds, errors) is { } receiver)
                {
                    receivers.Add(receiver);
                }
            }
        }

        return id is null || name is null ? null : new Zone(id, name, receivers);
    }

    private static ZoneReceiver? ReadReceiver(YamlNode node, string zone, Dictionary<string, int> receiverIds, List<ZoneFileError> errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(Error(node, $"{zone}: a receiver must be a mapping with id, kind and position"));
            return null;
        }

        var id = Get(map, "id") is { } idNode ? RequireId(idNode, "receiver id", errors) : Missing(map, $"a receiver in {zone}", "id", errors);
        var where = id is null ? $"a receiver in {zone}" : $"receiver '{id}'";
        CheckKeys(map, ReceiverKeys, where, errors);
        if (id is not null && Get(map, "id") is { } idAt)
        {
            if (receiverIds.TryGetValue(id, out var firstLine))
            {
                errors.Add(Error(idAt, $"receiver id '{id}' is used twice (first on line {firstLine})"));
            }
            else
            {
                receiverIds[id] = Line(idAt);
            }
        }

        ReceiverKind? kind = null;
        if (Get(map, "kind") is { } kindNode)
        {
            var text = Scalar(kindNode) ?? string.Empty;
            if (Kinds.TryGetValue(text, out var k))
            {
                kind = k;
            }
            else
            {
                errors.Add(Error(kindNode, $"{where}: unknown kind '{text}', expected hub, espresense or beacon{Suggest.DidYouMean(text, Kinds.Keys)}"));
            }
        }
        else
        {
            Missing(map, where, "kind", errors);
        }

        ZonePosition? position = null;
        if (Get(map, "position") is not { } positionNode)
        {
            Missing(map, where, "position", errors);
        }
        else if (positionNode is not YamlMappingNode pos)
        {
            errors.Add(Error(positionNode, $"{where}: position must be a mapping with x and y (metres)"));
        }
        else
        {
            CheckKeys(pos, PositionKeys, $"the position of {where}", errors);
            var x = Number(pos, "x", where, errors);
            var y = Number(pos, "y", where, errors);
            if (x is not null && y is not null)
            {
                position = new ZonePosition(x.Value, y.Value);
            }
        }

        int? txPower = null;
        if (Get(map, "txPower") is { } txNode && !IsNull(txNode))
        {
            // RSSI at 1 m: real devices sit between about -100 and +20 dBm.
            if (PlainScalar(txNode) is { } t && int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var tx) && tx is >= -100 and <= 20)
            {
                txPower = tx;
            }
            else
            {
                errors.Add(Error(txNode, $"{where}: txPower must be a whole number of dBm between -100 and 20 (RSSI at 1 m, e.g. -59)"));
            }
        }

        return id is null || kind is null || position is null ? null : new ZoneReceiver(id, kind.Value, position.Value, txPower);
    }

    private static double? Number(YamlMappingNode map, string key, string where, List<ZoneFileError> errors)
    {
        if (Get(map, key) is not { } node)
        {
            Missing(map, $"the position of {where}", key, errors);
            return null;
        }

        if (PlainScalar(node) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value is >= 0 and <= 10_000)
        {
            return value;
        }

        errors.Add(Error(node, $"{where}: position {key} must be a number of metres between 0 and 10000, not '{Scalar(node)}'"));
        return null;
    }

    private static string? RequireId(YamlNode node, string what, List<ZoneFileError> errors)
    {
        var text = Scalar(node);
        if (text is not null && IdPattern().IsMatch(text))
        {
            return text;
        }

        errors.Add(Error(node, $"{what} '{text}' is not valid: use lower-case letters, digits and '-' (at most 32)"));
        return null;
    }

    private static void CheckKeys(YamlMappingNode map, string[] known, string where, List<ZoneFileError> errors)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = Scalar(key) ?? string.Empty;
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(Error(key, $"unknown field '{name}' in {where}{Suggest.DidYouMean(name, known)}"));
            }
        }
    }

    private static string? Missing(YamlMappingNode map, string where, string key, List<ZoneFileError> errors)
    {
        errors.Add(Error(map, $"{where}: '{key}' is missing"));
        return null;
    }

    private static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(p => Scalar(p.Key) == key).Value;

    private static string? Scalar(YamlNode node) => (node as YamlScalarNode)?.Value;

    private static bool IsNull(YamlNode node) => PlainScalar(node) is "null" or "~" or "";

    // A number is an unquoted scalar: "1.5" in quotes is text in both JSON and YAML.
    private static string? PlainScalar(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar ? scalar.Value : null;

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static ZoneFileError Error(YamlNode node, string message) => new(Line(node), message);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
