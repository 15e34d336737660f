using Edge.Sparkplug;

namespace Edge.CloudSync.Fleet;

/// <summary>One node or device metric: name, Sparkplug type, value (long, double, bool, string or DateTimeOffset), and the deadband that decides whether a change is worth an NDATA.</summary>
internal sealed record FleetMetric(string Name, SparkplugDataType Type, object Value, double Deadband = 0)
{
    /// <summary>True when <paramref name="previous"/> differs from this value by more than the deadband.</summary>
    public bool ChangedFrom(FleetMetric? previous)
    {
        if (previous is null || previous.Type != Type)
        {
            return true;
        }

        return (Value, previous.Value) switch
        {
            (double a, double b) => Math.Abs(a - b) > Deadband || (double.IsNaN(a) != double.IsNaN(b)),
            (long a, long b) => Math.Abs(a - b) > Deadband,
            _ => !Equals(Value, previous.Value),
        };
    }
}
