using Edge.TestKit;

namespace Edge.Provisioning.Tests;

public sealed class CliApplicationTests
{
    [Fact]
    public async Task RunAsync_Help_PrintsUsageAndSucceeds()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await CliApplication.RunAsync(["--help"], output, error, new FakeTimeProvider(), CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Contains("edge-provision", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("--version", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Version_PrintsAssemblyVersion()
    {
        var output = new StringWriter();

        var code = await CliApplication.RunAsync(["--version"], output, new StringWriter(), new FakeTimeProvider(), CancellationToken.None);

        Assert.Equal(0, code);
        Assert.StartsWith("0.1.0", output.ToString().Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownOption_FailsWithMessageNamingIt()
    {
        var error = new StringWriter();

        var code = await CliApplication.RunAsync(["--frobnicate"], new StringWriter(), error, new FakeTimeProvider(), CancellationToken.None);

        Assert.NotEqual(0, code);
        Assert.Contains("--frobnicate", error.ToString(), StringComparison.Ordinal);
    }
}
