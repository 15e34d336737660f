using System.Text;

namespace Edge.Provisioning.Devices;

/// <summary>
/// mosquitto's acl_file with one block this tool owns, between BEGIN/END marker comments; everything else
/// (the services' rules from deploy) is kept. The block always goes last: in an acl_file a <c>user</c> line
/// opens a section that runs until the next <c>user</c>, so anything after our block would become part of
/// our last device's section.
/// </summary>
internal static class MosquittoAclFile
{
    public const string Begin = "# BEGIN edge-provision devices (generated; edit with `edge-provision devices`)";
    public const string End = "# END edge-provision devices";

    public static string Render(string? existing, IEnumerable<DeviceRecord> devices)
    {
        var kept = new List<string>();
        var inBlock = false;
        foreach (var line in (existing ?? string.Empty).Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed == Begin)
            {
                inBlock = true;
            }
            else if (trimmed == End)
            {
                inBlock = false;
            }
            else if (!inBlock)
            {
                kept.Add(trimmed);
            }
        }

        while (kept.Count > 0 && kept[^1].Length == 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        var sb = new StringBuilder();
        foreach (var line in kept)
        {
            sb.Append(line).Append('\n');
        }

        if (kept.Count > 0)
        {
            sb.Append('\n');
        }

        sb.Append(Begin).Append('\n');
        foreach (var device in devices.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            sb.Append("user ").Append(device.Id).Append('\n');
            foreach (var rule in DeviceAcl.RulesFor(device))
            {
                sb.Append(rule).Append('\n');
            }

            sb.Append('\n');
        }

        sb.Append(End).Append('\n');
        return sb.ToString();
    }
}
