using System.Globalization;

namespace Edge.CloudSync.Fleet;

/// <summary>CPU (from /proc/stat deltas), memory (/proc/meminfo) and disk use of the hub, as percentages. NaN where unreadable.</summary>
internal sealed class SystemStats
{
    private (long Busy, long Total)? _lastCpu;

    public double CpuPercent()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
            var total = fields.Sum();
            var now = (Busy: total - idle, Total: total);
            var last = _lastCpu;
            _lastCpu = now;
            return last is { } l && now.Total > l.Total ? Math.Round(100.0 * (now.Busy - l.Busy) / (now.Total - l.Total), 1) : double.NaN;
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return double.NaN;
        }
    }

    public static double MemoryPercent()
    {
        try
        {
            var info = File.ReadLines("/proc/meminfo")
                .Select(l => l.Split(':', 2))
                .Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => long.Parse(p[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
            return Math.Round(100.0 * (info["MemTotal"] - info["MemAvailable"]) / info["MemTotal"], 1);
        }
        catch (Exception ex) when (ex is IOException or FormatException or KeyNotFoundException or UnauthorizedAccessException)
        {
            return double.NaN;
        }
    }

    public static double DiskUsedPercent(string path)
    {
        try
        {
            var drive = new DriveInfo(Path.GetFullPath(path));
            return Math.Round(100.0 * (drive.TotalSize - drive.AvailableFreeSpace) / drive.TotalSize, 1);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return double.NaN;
        }
    }
}
