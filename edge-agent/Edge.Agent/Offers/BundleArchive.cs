using System.Formats.Tar;
using Edge.Contracts.Models;

namespace Edge.Agent.Offers;

/// <summary>
/// Unpacks a model bundle archive (ustar of model.onnx, manifest.json, manifest.sig, as the cloud packs it) into an
/// empty folder. Everything not exactly that is refused with the reason (<see cref="InvalidDataException"/>): a path
/// that leaves the folder or names a sub-folder, a link, a device or any other entry type, an unexpected or repeated
/// name, an entry or archive over the size limit. Only the three regular files are ever written.
/// </summary>
internal static class BundleArchive
{
    private static readonly HashSet<string> Expected = new(StringComparer.Ordinal) { ModelBundleFiles.Model, ModelBundleFiles.Manifest, ModelBundleFiles.Signature };

    public static void Extract(string archivePath, string target, long maxBytes)
    {
        var archiveSize = new FileInfo(archivePath).Length;
        if (archiveSize > maxBytes)
        {
            throw new InvalidDataException($"the archive is {archiveSize} bytes, over the limit of {maxBytes}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        using var stream = File.OpenRead(archivePath);
        using var reader = new TarReader(stream);
        while (reader.GetNextEntry() is { } entry)
        {
            var name = entry.Name;
            if (Path.IsPathRooted(name) || name.Contains("..", StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
            {
                throw new InvalidDataException($"entry '{name}' has a path outside the bundle folder");
            }

            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
            {
                throw new InvalidDataException($"entry '{name}' is a {entry.EntryType}, not a regular file");
            }

            if (!Expected.Contains(name))
            {
                throw new InvalidDataException($"entry '{name}' is not one of {string.Join(", ", Expected)}");
            }

            if (!seen.Add(name))
            {
                throw new InvalidDataException($"entry '{name}' appears twice");
            }

            total += entry.Length;
            if (entry.Length > maxBytes || total > maxBytes)
            {
                throw new InvalidDataException($"entry '{name}' takes the unpacked size over the limit of {maxBytes} bytes");
            }

            using var output = new FileStream(Path.Combine(target, name), FileMode.CreateNew, FileAccess.Write);
            entry.DataStream?.CopyTo(output);
        }

        if (seen.Count == 0)
        {
            throw new InvalidDataException("the archive has no entries");
        }
    }
}
