using System.Globalization;
using Edge.Sparkplug;
using Edge.Sparkplug.Protobuf;

namespace Edge.FleetDashboard.Sparkplug;

/// <summary>
/// (Public only because the pages, which Razor makes public, show it.) One metric's last value as the host decoded it:
/// long, double, bool, string or DateTimeOffset, or null for a null or unsupported value, and when it was measured.
/// </summary>
public sealed record MetricValue(SparkplugDataType Type, object? Value, DateTimeOffset At)
{
    /// <summary>The value of a Sparkplug metric according to its data type (specification 6.4.16).</summary>
    internal static MetricValue From(Payload.Types.Metric metric, SparkplugDataType type, DateTimeOffset at)
    {
        if (metric.HasIsNull && metric.IsNull)
        {
            return new MetricValue(type, null, at);
        }

        object? value = type switch
        {
            SparkplugDataType.Int8 => (long)unchecked((sbyte)metric.IntValue),
            SparkplugDataType.Int16 => (long)unchecked((short)metric.IntValue),
            SparkplugDataType.Int32 => (long)unchecked((int)metric.IntValue),
            SparkplugDataType.UInt8 or SparkplugDataType.UInt16 or SparkplugDataType.UInt32 => (long)metric.IntValue,
            SparkplugDataType.Int64 => unchecked((long)metric.LongValue),
            SparkplugDataType.UInt64 => metric.LongValue > long.MaxValue ? (double)metric.LongValue : (long)metric.LongValue,
            SparkplugDataType.Float => (double)metric.FloatValue,
            SparkplugDataType.Double => metric.DoubleValue,
            SparkplugDataType.Boolean => metric.BooleanValue,
            SparkplugDataType.String or SparkplugDataType.Text or SparkplugDataType.Uuid => metric.StringValue,
            SparkplugDataType.DateTime => metric.LongValue <= (ulong)DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
                ? DateTimeOffset.FromUnixTimeMilliseconds((long)metric.LongValue)
                : null,
            _ => null,
        };
        return new MetricValue(type, value, at);
    }

    /// <summary>The value as a number for charts: integers, floating point and booleans (0/1); null otherwise or NaN.</summary>
    public double? AsNumber() => Value switch
    {
        long l => l,
        double d when !double.IsNaN(d) && !double.IsInfinity(d) => d,
        bool b => b ? 1 : 0,
        _ => null,
    };

    public string Display() => Value switch
    {
        null => "(null)",
        double d when double.IsNaN(d) => "n/a",
        double d => d.ToString("0.#", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        DateTimeOffset t when t == DateTimeOffset.UnixEpoch => "never",
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        string s => s,
        _ => Value.ToString() ?? string.Empty,
    };
}
