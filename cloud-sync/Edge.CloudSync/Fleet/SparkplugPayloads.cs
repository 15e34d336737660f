using Edge.Sparkplug;
using Edge.Sparkplug.Protobuf;
using Google.Protobuf;

namespace Edge.CloudSync.Fleet;

/// <summary>Builds Sparkplug B payloads from <see cref="FleetMetric"/>s.</summary>
internal static class SparkplugPayloads
{
    public static byte[] Build(DateTimeOffset now, ulong? seq, IEnumerable<FleetMetric> metrics)
    {
        var payload = new Payload { Timestamp = (ulong)now.ToUnixTimeMilliseconds() };
        if (seq is { } s)
        {
            payload.Seq = s;
        }

        foreach (var m in metrics)
        {
            payload.Metrics.Add(ToMetric(m, now));
        }

        return payload.ToByteArray();
    }

    private static Payload.Types.Metric ToMetric(FleetMetric m, DateTimeOffset now)
    {
        var metric = new Payload.Types.Metric { Name = m.Name, Datatype = (uint)m.Type, Timestamp = (ulong)now.ToUnixTimeMilliseconds() };
        switch (m.Type)
        {
            case SparkplugDataType.Int64:
                metric.LongValue = unchecked((ulong)Convert.ToInt64(m.Value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case SparkplugDataType.Double:
                metric.DoubleValue = Convert.ToDouble(m.Value, System.Globalization.CultureInfo.InvariantCulture);
                break;
            case SparkplugDataType.Boolean:
                metric.BooleanValue = (bool)m.Value;
                break;
            case SparkplugDataType.String:
                metric.StringValue = (string)m.Value;
                break;
            case SparkplugDataType.DateTime:
                metric.LongValue = (ulong)((DateTimeOffset)m.Value).ToUnixTimeMilliseconds();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(m), m.Type, "metric type not used by the hub");
        }

        return metric;
    }
}
