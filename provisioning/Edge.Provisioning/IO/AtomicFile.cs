namespace Edge.Provisioning.IO;

/// <summary>
/// Writes a file so that a reader (the broker on SIGHUP, beacon-gateway, the next run of this tool) sees either
/// the old content or the new, never half of it: write a temporary file in the same folder, flush it to disk,
/// set its mode, then rename over the target (rename(2) is atomic within one file system).
/// </summary>
internal static class AtomicFile
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode OwnerAndGroupRead = OwnerOnly | UnixFileMode.GroupRead;

    public static void WriteAllText(string path, string content, UnixFileMode mode) =>
        WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(content), mode);

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content, UnixFileMode mode)
    {
        var temp = Prepare(path, content, mode);
        Commit(temp, path);
    }

    /// <summary>
    /// First half of a multi-file update: every file is prepared (written and flushed beside its target)
    /// before any is renamed, so a full disk or a bad folder fails before anything visible changed.
    /// </summary>
    public static string Prepare(string path, ReadOnlySpan<byte> content, UnixFileMode mode)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = mode,
            }))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            // UnixCreateMode is filtered by the umask; set the exact mode before the file becomes visible.
            File.SetUnixFileMode(temp, mode);
            return temp;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static void Commit(string temp, string path) => File.Move(temp, path, overwrite: true);

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
