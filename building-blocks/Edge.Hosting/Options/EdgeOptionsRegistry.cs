namespace Edge.Hosting.Options;

/// <summary>The configuration sections this service binds; used to reject unknown command-line options.</summary>
public sealed class EdgeOptionsRegistry
{
    private readonly HashSet<string> _sections = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string section)
    {
        lock (_sections)
        {
            _sections.Add(section);
        }
    }

    public IReadOnlyCollection<string> Sections
    {
        get
        {
            lock (_sections)
            {
                return [.. _sections];
            }
        }
    }
}
