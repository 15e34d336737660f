using System.Formats.Tar;

namespace Edge.Contracts.Models;

/// <summary>
/// How a model bundle travels to a hub: a ustar archive of the bundle's files, byte-identical for the same files (mode
/// 0644, time 0), so its sha256 names the content. The cloud packs it; edge-agent unpacks it with its own strict rules.
/// </summary>
public static class ModelBundleArchive
{
    public static byte[] Pack(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        using var output = new MemoryStream();
        using (var tar = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true))
        {
            WriteFiles(tar, files);
        }

        return output.ToArray();
    }

    /// <summary>Writes the files as regular entries (tests add other entries around them to build refused archives).</summary>
    public static void WriteFiles(TarWriter tar, IEnumerable<(string Name, byte[] Bytes)> files)
    {
        ArgumentNullException.ThrowIfNull(tar);
        ArgumentNullException.ThrowIfNull(files);
        foreach (var (name, bytes) in files)
        {
            tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name)
            {
                DataStream = new MemoryStream(bytes, writable: false),
                ModificationTime = DateTimeOffset.UnixEpoch,
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            });
        }
    }
}
