using System.Formats.Tar;

namespace Edge.Provisioning.Backup;

/// <summary>The plaintext inside the envelope: a tar stream (names and modes kept), built and read in memory.</summary>
internal static class BackupArchive
{
    public static byte[] Pack(IEnumerable<BackupEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, entry.Name)
                {
                    Mode = entry.Mode,
                    DataStream = new MemoryStream(entry.Content),
                });
            }
        }

        return buffer.ToArray();
    }

    public static List<BackupEntry> Unpack(byte[] tar)
    {
        var entries = new List<BackupEntry>();
        using var reader = new TarReader(new MemoryStream(tar));
        try
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                {
                    throw new CliException($"the backup holds '{entry.Name}', which is not a plain file", ExitCodes.DataError);
                }

                using var content = new MemoryStream();
                entry.DataStream?.CopyTo(content);
                entries.Add(new BackupEntry(entry.Name, entry.Mode, content.ToArray()));
            }
        }
        catch (InvalidDataException ex)
        {
            throw new CliException("the backup's content is damaged: " + ex.Message, ExitCodes.DataError);
        }

        return entries;
    }
}
