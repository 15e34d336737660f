using Edge.TestKit;

namespace Edge.Deploy.Tests;

public sealed class SystemdUnitTests
{
    private static readonly string UnitDir = Path.Combine(ExternalTools.RepoRoot, "deploy", "systemd");
    private static readonly string[] Services = ["beacon-gateway", "edge-agent", "kiosk-ui", "cloud-sync"];

    [RequiresToolFact("systemd-analyze", "systemd")]
    public async Task Verify_AllUnitsInAnInstallTree_PassWithoutAnyWarning()
    {
        // verify also checks that each ExecStart names an executable file. The units name the installed paths
        // (/opt/store-edge/<service>/<service>, /usr/bin/dotnet, /usr/bin/cage), so they are checked under --root
        // against a tree that has exactly those files: a unit that names a path the install does not make fails.
        using var root = new TempDirectory();
        var units = InstallTree(root.Path);

        var (code, stdout, stderr) = await ProcessRunner.RunAsync("systemd-analyze", ["verify", "--man=no", $"--root={root.Path}", .. units]);

        // systemd-analyze exits 0 even for directives it ignores, so any output is a failure too.
        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Equal(string.Empty, stderr.Trim());
        Assert.Equal(string.Empty, stdout.Trim());
    }

    [RequiresToolFact("systemd-analyze", "systemd")]
    public async Task Verify_ExecStartMissingFromTheTree_Fails()
    {
        // The check above can fail: the same tree without edge-agent's binary is refused.
        using var root = new TempDirectory();
        var units = InstallTree(root.Path);
        File.Delete(Path.Combine(root.Path, "opt", "store-edge", "edge-agent", "edge-agent"));

        var (code, stdout, stderr) = await ProcessRunner.RunAsync("systemd-analyze", ["verify", "--man=no", $"--root={root.Path}", .. units]);

        Assert.NotEqual(0, code);
        Assert.Contains("/opt/store-edge/edge-agent/edge-agent is not executable", stdout + stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("beacon-gateway", "beacon-gateway/Edge.BeaconGateway/Edge.BeaconGateway.csproj")]
    [InlineData("edge-agent", "edge-agent/Edge.Agent/Edge.Agent.csproj")]
    [InlineData("kiosk-ui", "kiosk-ui/Edge.Kiosk/Edge.Kiosk.csproj")]
    [InlineData("cloud-sync", "cloud-sync/Edge.CloudSync/Edge.CloudSync.csproj")]
    public void ExecStart_EachService_RunsWhatItsProjectPublishes(string service, string project)
    {
        var csproj = File.ReadAllText(Path.Combine(ExternalTools.RepoRoot, project));
        var nativeAot = csproj.Contains("<EdgeHubServicePublishAot>true</EdgeHubServicePublishAot>", StringComparison.Ordinal);

        Assert.Contains($"<AssemblyName>{service}</AssemblyName>", csproj, StringComparison.Ordinal);
        Assert.Equal(
            nativeAot ? $"/opt/store-edge/{service}/{service}" : $"/usr/bin/dotnet /opt/store-edge/{service}/{service}.dll",
            ReadUnit(service + ".service")["ExecStart"]);
        // scripts/publish-hub.sh puts the publish output where the unit looks for it.
        var script = File.ReadAllText(Path.Combine(ExternalTools.RepoRoot, "scripts", "publish-hub.sh"));
        Assert.Contains($"publish {Path.GetDirectoryName(project)} {service}", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("beacon-gateway")]
    [InlineData("edge-agent")]
    [InlineData("kiosk-ui")]
    [InlineData("cloud-sync")]
    public void Unit_EachService_IsNotifyWatchdogRestartAndHardened(string service)
    {
        var unit = ReadUnit(service + ".service");

        Assert.Equal("notify", unit["Type"]);
        Assert.True(int.Parse(unit["WatchdogSec"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("on-failure", unit["Restart"]);
        Assert.Equal("78", unit["RestartPreventExitStatus"]);
        Assert.Equal("store-edge-" + service, unit["User"]);
        Assert.Equal("strict", unit["ProtectSystem"]);
        Assert.Equal("yes", unit["PrivateTmp"]);
        Assert.Equal("yes", unit["NoNewPrivileges"]);
        Assert.Equal("edge.target", unit["WantedBy"]);
    }

    [Fact]
    public void CapabilityBoundingSet_OnlyBeaconGateway_GetsRawRadioCapabilities()
    {
        foreach (var service in Services)
        {
            var caps = ReadUnit(service + ".service")["CapabilityBoundingSet"];
            if (service == "beacon-gateway")
            {
                Assert.Equal("CAP_NET_RAW CAP_NET_ADMIN", caps);
            }
            else
            {
                Assert.Equal(string.Empty, caps);
            }
        }
    }

    [Fact]
    public void InaccessiblePaths_EveryServiceButCloudSync_CannotSeeCloudCredentials()
    {
        foreach (var service in Services.Where(s => s != "cloud-sync"))
        {
            Assert.Contains("/etc/store-edge/cloud", ReadUnit(service + ".service")["InaccessiblePaths"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Target_WantsBrokerAndAllFourServices()
    {
        var wants = ReadUnit("edge.target")["Wants"].Split(' ');

        Assert.Contains("mosquitto.service", wants);
        Assert.All(Services, s => Assert.Contains(s + ".service", wants));
    }

    /// <summary>
    /// Lays out what a hub has: the machine's own system units (sysinit.target, network-online.target, ...), the
    /// broker's unit, our units, and an executable stub at every ExecStart path. Returns the units to verify.
    /// </summary>
    private static string[] InstallTree(string root)
    {
        var system = Path.Combine(root, "usr", "lib", "systemd", "system");
        Directory.CreateDirectory(system);
        foreach (var file in Directory.EnumerateFiles("/usr/lib/systemd/system"))
        {
            File.Copy(file, Path.Combine(system, Path.GetFileName(file)));
        }

        var mosquitto = Path.Combine(system, "mosquitto.service");
        if (!File.Exists(mosquitto))
        {
            File.WriteAllText(mosquitto, "[Service]\nExecStart=/usr/sbin/mosquitto\n");
            WriteStub(root, "/usr/sbin/mosquitto");
        }

        var etc = Path.Combine(root, "etc", "systemd", "system");
        Directory.CreateDirectory(etc);
        var sources = Services.Select(s => Path.Combine(UnitDir, s + ".service"))
            .Append(Path.Combine(UnitDir, "edge.target"))
            .Append(Path.Combine(ExternalTools.RepoRoot, "deploy", "kiosk", "store-edge-kiosk-browser.service"));
        var units = new List<string>();
        foreach (var source in sources)
        {
            var name = Path.GetFileName(source);
            File.Copy(source, Path.Combine(etc, name));
            units.Add("/etc/systemd/system/" + name);
            if (name.EndsWith(".service", StringComparison.Ordinal))
            {
                WriteStub(root, ReadUnit(source)["ExecStart"].Split(' ')[0]);
            }
        }

        return [.. units];
    }

    private static void WriteStub(string root, string absolutePath)
    {
        var path = Path.Combine(root, absolutePath.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static Dictionary<string, string> ReadUnit(string name)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(Path.IsPathRooted(name) ? name : Path.Combine(UnitDir, name)))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or '[')
            {
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            result[line[..eq]] = line[(eq + 1)..];
        }

        return result;
    }
}
