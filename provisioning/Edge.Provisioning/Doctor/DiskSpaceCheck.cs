namespace Edge.Provisioning.Doctor;

/// <summary>Free space where the state lives (SQLite, outbox, logs). Below 15 % WARN, below 5 % or 200 MB FAIL.</summary>
internal sealed class DiskSpaceCheck(string path, Func<string, (long Free, long Total)>? measure = null) : IDoctorCheck
{
    private const long MinimumBytes = 200L * 1024 * 1024;

    public string Name => "disk space";

    public Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var existing = path;
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            existing = parent;
        }

        var (free, total) = (measure ?? Measure)(existing);
        var percent = total > 0 ? 100.0 * free / total : 0;
        var detail = $"{free / (1024 * 1024)} MB free of {total / (1024 * 1024)} MB ({percent:0}%) at {existing}";
        return Task.FromResult(
            percent < 5 || free < MinimumBytes ? CheckResult.Fail(Name, detail, "free space: `journalctl --vacuum-size=100M`, old backups; check the outbox backlog")
            : percent < 15 ? CheckResult.Warn(Name, detail, "free space soon: `journalctl --vacuum-size=200M`")
            : CheckResult.Ok(Name, detail));
    }

    private static (long, long) Measure(string dir)
    {
        var drive = new DriveInfo(dir);
        return (drive.AvailableFreeSpace, drive.TotalSize);
    }
}
