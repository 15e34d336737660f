using System.Text;

namespace Edge.Provisioning.Devices;

/// <summary>
/// mosquitto's password_file: one <c>user:hash</c> per line. Lines of users this tool does not manage (the
/// services' own users, written by deploy) are kept exactly as they are and in their order.
/// </summary>
internal sealed class MosquittoPasswordFile
{
    private readonly List<string> _lines;

    private MosquittoPasswordFile(List<string> lines) => _lines = lines;

    public static MosquittoPasswordFile Load(string path) =>
        new(File.Exists(path) ? [.. File.ReadAllLines(path).Where(l => l.Length > 0)] : []);

    public IEnumerable<string> Users => _lines.Select(UserOf).OfType<string>();

    public string? HashOf(string user) =>
        _lines.Where(l => UserOf(l) == user).Select(l => l[(user.Length + 1)..]).FirstOrDefault();

    public void Set(string user, string hash)
    {
        var line = user + ":" + hash;
        var index = _lines.FindIndex(l => UserOf(l) == user);
        if (index >= 0)
        {
            _lines[index] = line;
        }
        else
        {
            _lines.Add(line);
        }
    }

    public bool Remove(string user) => _lines.RemoveAll(l => UserOf(l) == user) > 0;

    public string Render()
    {
        var sb = new StringBuilder();
        foreach (var line in _lines)
        {
            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    private static string? UserOf(string line)
    {
        if (line.StartsWith('#'))
        {
            return null;
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? line[..colon] : null;
    }
}
