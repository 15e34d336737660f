using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Edge.CloudSync.Downstream;
using Edge.Contracts.Cloud;

namespace Edge.CloudSync.Fleet;

/// <summary>
/// The hub's configuration version, as HQ sees it (Sparkplug Properties/Configuration Version): the first 12 hex
/// digits of a SHA-256 over the name and bytes of every <c>*.json</c> file in the hub's configuration folder
/// (store.json, each service's file, zones.json, cloud.json), in ordinal name order, so two hubs configured alike show
/// the same value and any edit shows a new one; followed by " cloud #N" once the cloud has sent configuration (N = the
/// last accepted sequence of the down kind <c>configuration</c>). Only a hash leaves the hub, never the contents.
/// Re-hashed only when a file's name, size or write time changed.
/// </summary>
internal sealed class ConfigurationVersion(string directory, InboxReader inbox)
{
    private string _signature = string.Empty;
    private string _hash = "none";

    public string Directory => directory;

    public string Current()
    {
        var cloud = inbox.Marks().TryGetValue(DownKinds.Configuration, out var seq) && seq > 0
            ? " cloud #" + seq.ToString(CultureInfo.InvariantCulture)
            : string.Empty;
        return Hash() + cloud;
    }

    private string Hash()
    {
        try
        {
            var files = System.IO.Directory.Exists(directory)
                ? System.IO.Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(f => new FileInfo(f)).ToList()
                : [];
            var signature = string.Join('|', files.Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));
            if (signature == _signature)
            {
                return _hash;
            }

            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var f in files)
            {
                sha.AppendData(Encoding.UTF8.GetBytes(f.Name + "\0"));
                sha.AppendData(File.ReadAllBytes(f.FullName));
                sha.AppendData("\0"u8);
            }

            _hash = files.Count == 0 ? "none" : Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
            _signature = signature;
            return _hash;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }
}
