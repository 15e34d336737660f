using Edge.Hosting.Logging;
using Edge.Hosting.Options;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Edge.Hosting.Tests;

/// <summary>
/// Edge.Hosting reads Serilog:MinimumLevel itself (Native AOT services cannot use Serilog.Settings.Configuration).
/// Bad inputs tried: a level name that does not exist, a number outside the levels.
/// </summary>
public sealed class SerilogLevelsTests
{
    [Fact]
    public void Apply_DefaultAndOverride_SetsBoth()
    {
        using var logger = Create(new() { ["Serilog:MinimumLevel:Default"] = "Information", ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Warning" });

        Assert.True(For(logger, "Edge.Agent").IsEnabled(LogEventLevel.Information));
        Assert.False(For(logger, "Edge.Agent").IsEnabled(LogEventLevel.Debug));
        Assert.False(For(logger, "Microsoft.AspNetCore.Routing").IsEnabled(LogEventLevel.Information));
        Assert.True(For(logger, "Microsoft.AspNetCore.Routing").IsEnabled(LogEventLevel.Warning));
    }

    [Fact]
    public void Apply_PlainLevel_SetsTheDefault()
    {
        using var logger = Create(new() { ["Serilog:MinimumLevel"] = "debug" });

        Assert.True(logger.IsEnabled(LogEventLevel.Debug));
        Assert.False(logger.IsEnabled(LogEventLevel.Verbose));
    }

    [Theory]
    [InlineData("Loud")]
    [InlineData("42")]
    public void Apply_UnknownLevel_ThrowsNamingTheKey(string value)
    {
        var ex = Assert.Throws<EdgeConfigurationException>(() => Create(new() { ["Serilog:MinimumLevel:Default"] = value }));

        Assert.StartsWith($"Serilog:MinimumLevel:Default: '{value}' is not a log level", ex.Message, StringComparison.Ordinal);
    }

    private static Logger Create(Dictionary<string, string?> settings)
    {
        var config = new LoggerConfiguration();
        SerilogLevels.Apply(config, new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return config.CreateLogger();
    }

    private static Serilog.ILogger For(Logger logger, string sourceContext) =>
        logger.ForContext(Constants.SourceContextPropertyName, sourceContext);
}
