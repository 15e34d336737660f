namespace Edge.Provisioning.IO;

/// <summary>
/// Several files that change together (device registry, broker password file, broker ACL): all are prepared
/// first, then renamed one after another. If preparing any fails, nothing visible changed.
/// </summary>
internal sealed class FileTransaction : IDisposable
{
    private readonly List<(string Temp, string Target)> _prepared = [];
    private bool _committed;

    public void Add(string path, string content, UnixFileMode mode) =>
        _prepared.Add((AtomicFile.Prepare(path, System.Text.Encoding.UTF8.GetBytes(content), mode), path));

    public void Add(string path, byte[] content, UnixFileMode mode) =>
        _prepared.Add((AtomicFile.Prepare(path, content, mode), path));

    public IReadOnlyList<string> Targets => [.. _prepared.Select(p => p.Target)];

    public void Commit()
    {
        foreach (var (temp, target) in _prepared)
        {
            AtomicFile.Commit(temp, target);
        }

        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            foreach (var (temp, _) in _prepared)
            {
                AtomicFile.TryDelete(temp);
            }
        }
    }
}
