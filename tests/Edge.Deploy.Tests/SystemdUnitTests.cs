using Edge.TestKit;

namespace Edge.Deploy.Tests;

public sealed class SystemdUnitTests
{
    private static readonly string UnitDir = Path.Combine(ExternalTools.RepoRoot, "deploy", "systemd");
    private static readonly string[] Services = ["beacon-gateway", "edge-agent", "kiosk-ui", "cloud-sync"];

    [RequiresToolFact("systemd-analyze", "systemd")]
    public async Task Verify_AllUnits_PassWithoutAnyWarning()
    {
        var files = Services.Select(s => Path.Combine(UnitDir, s + ".service")).Append(Path.Combine(UnitDir, "edge.target")).ToArray();

        var (code, stdout, stderr) = await ProcessRunner.RunAsync("systemd-analyze", ["verify", "--man=no", .. files]);

        // systemd-analyze exits 0 even for directives it ignores, so any output is a failure too.
        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Equal(string.Empty, stderr.Trim());
        Assert.Equal(string.Empty, stdout.Trim());
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

    private static Dictionary<string, string> ReadUnit(string name)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(Path.Combine(UnitDir, name)))
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
