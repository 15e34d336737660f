namespace Edge.Provisioning.Doctor;

/// <summary>
/// A Bluetooth controller is registered (/sys/class/bluetooth/hciN) and not blocked by rfkill. Whether it is
/// powered and scanning is beacon-gateway's to report (its /healthz), since only it holds the HCI socket.
/// </summary>
internal sealed class BluetoothAdapterCheck(string bluetoothSysfs, string rfkillSysfs) : IDoctorCheck
{
    public string Name => "bluetooth adapter";

    public Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var adapters = Directory.Exists(bluetoothSysfs)
            ? Directory.EnumerateFileSystemEntries(bluetoothSysfs, "hci*").Select(Path.GetFileName).Where(n => n is not null && !n.Contains(':', StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
            : [];
        if (adapters.Count == 0)
        {
            return Task.FromResult(CheckResult.Fail(Name, $"no adapter in {bluetoothSysfs}", "plug in / enable the Bluetooth adapter; `dmesg | grep -i bluetooth`"));
        }

        foreach (var rfkill in Directory.Exists(rfkillSysfs) ? Directory.EnumerateFileSystemEntries(rfkillSysfs) : [])
        {
            if (Read(rfkill, "type") != "bluetooth")
            {
                continue;
            }

            if (Read(rfkill, "hard") == "1")
            {
                return Task.FromResult(CheckResult.Fail(Name, $"{string.Join(", ", adapters)} hard-blocked (switch or BIOS)", "turn the radio on with its hardware switch / in the BIOS"));
            }

            if (Read(rfkill, "soft") == "1")
            {
                return Task.FromResult(CheckResult.Fail(Name, $"{string.Join(", ", adapters)} soft-blocked by rfkill", "`rfkill unblock bluetooth`"));
            }
        }

        return Task.FromResult(CheckResult.Ok(Name, string.Join(", ", adapters) + " present, not blocked"));
    }

    private static string? Read(string dir, string file)
    {
        var path = Path.Combine(dir, file);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }
}
