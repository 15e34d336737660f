using Edge.Provisioning.IO;
using Edge.Provisioning.Paths;

namespace Edge.Provisioning.Tokens;

/// <summary>
/// The configuration files that hold API tokens, one per service (edge-agent's and its callers' on this hub), each
/// loaded once and written together: a kiosk holding a token edge-agent does not know would be locked out.
/// </summary>
internal sealed class TokenFiles(EdgePaths paths)
{
    public const string Agent = "edge-agent";

    private readonly Dictionary<string, JsonConfigFile> _files = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>The services whose files were loaded, in the order they were first asked for.</summary>
    public IReadOnlyList<string> Services => _order;

    public JsonConfigFile For(string service)
    {
        if (!_files.TryGetValue(service, out var file))
        {
            file = JsonConfigFile.Load(paths.ServiceConfigFile(service));
            _files[service] = file;
            _order.Add(service);
        }

        return file;
    }

    /// <summary>Writes these services' files owner-only, all of them or none.</summary>
    public void Write(IEnumerable<string> services)
    {
        using var transaction = new FileTransaction();
        foreach (var service in services)
        {
            var file = For(service);
            transaction.Add(file.Path, file.Render(), AtomicFile.OwnerOnly);
        }

        transaction.Commit();
    }

    /// <summary>The user a service runs as (User= in deploy/systemd/&lt;service&gt;.service), who must be able to read its file.</summary>
    public static string UserOf(string service) => "store-edge-" + service;
}
