using System.Globalization;
using System.Runtime.InteropServices;

namespace Edge.Provisioning.Platform;

/// <summary>
/// chown(2) to a user looked up in the passwd file. Reading /etc/passwd instead of getpwnam keeps the
/// interop to one blittable call; service users are always local system users.
/// </summary>
internal sealed partial class UnixFileOwnership(string passwdFile = "/etc/passwd") : IFileOwnership
{
    public string? TryGiveTo(string path, string user)
    {
        var entry = Lookup(user);
        if (entry is null)
        {
            return $"user '{user}' does not exist; left owned by the current user";
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return $"not root; could not give it to '{user}'";
        }

        return Chown(path, entry.Value.Uid, entry.Value.Gid) == 0
            ? null
            : $"chown to '{user}' failed with errno {Marshal.GetLastPInvokeError()}";
    }

    private (uint Uid, uint Gid)? Lookup(string user)
    {
        if (!File.Exists(passwdFile))
        {
            return null;
        }

        foreach (var line in File.ReadLines(passwdFile))
        {
            // name:password:uid:gid:gecos:home:shell
            var fields = line.Split(':');
            if (fields.Length >= 4 && fields[0] == user
                && uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
                && uint.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var gid))
            {
                return (uid, gid);
            }
        }

        return null;
    }

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, uint owner, uint group);
}
