using System.Security.Cryptography;

namespace Edge.Agent.Members;

/// <summary>32-byte secret files, created owner-read/write only.</summary>
internal static class KeyFiles
{
    public static byte[] LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var stream = new FileStream(path, options);
                stream.Write(RandomNumberGenerator.GetBytes(32));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance created it first: use theirs.
            }
        }

        var key = File.ReadAllBytes(path);
        if (key.Length != 32)
        {
            throw new InvalidDataException($"Key file '{path}' must hold exactly 32 bytes (AES-256), not {key.Length}.");
        }

        return key;
    }
}
