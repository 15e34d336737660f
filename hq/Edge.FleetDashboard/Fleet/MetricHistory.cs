namespace Edge.FleetDashboard.Fleet;

/// <summary>The last N numeric values of one metric (a ring: the oldest go first), for the charts. Not thread-safe: the board's lock guards it.</summary>
internal sealed class MetricHistory(int capacity)
{
    private readonly (DateTimeOffset At, double Value)[] _points = new (DateTimeOffset, double)[capacity];
    private int _start;
    private int _count;

    public int Count => _count;

    public void Add(DateTimeOffset at, double value)
    {
        if (_count < _points.Length)
        {
            _points[(_start + _count++) % _points.Length] = (at, value);
        }
        else
        {
            _points[_start] = (at, value);
            _start = (_start + 1) % _points.Length;
        }
    }

    public IReadOnlyList<(DateTimeOffset At, double Value)> ToList()
    {
        var list = new List<(DateTimeOffset, double)>(_count);
        for (var i = 0; i < _count; i++)
        {
            list.Add(_points[(_start + i) % _points.Length]);
        }

        return list;
    }
}
