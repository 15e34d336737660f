using Edge.Hosting.Options;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;

namespace Edge.Hosting.Logging;

/// <summary>
/// Reads the standard <c>Serilog:MinimumLevel</c> section (a level, or Default plus Override per namespace), the only
/// part of Serilog's configuration the services use, without Serilog.Settings.Configuration, whose reader finds sinks
/// and enrichers by reflection and so cannot run in a Native AOT service.
/// </summary>
internal static class SerilogLevels
{
    public const string Section = "Serilog:MinimumLevel";

    public static void Apply(LoggerConfiguration config, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (section.Value is { } plain)
        {
            config.MinimumLevel.Is(Parse(section.Path, plain));
        }

        if (section["Default"] is { } level)
        {
            config.MinimumLevel.Is(Parse(section.Path + ":Default", level));
        }

        foreach (var entry in section.GetSection("Override").GetChildren())
        {
            if (entry.Value is { } value)
            {
                config.MinimumLevel.Override(entry.Key, Parse(entry.Path, value));
            }
        }
    }

    private static LogEventLevel Parse(string key, string value) =>
        Enum.TryParse<LogEventLevel>(value, ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw new EdgeConfigurationException($"{key}: '{value}' is not a log level (Verbose, Debug, Information, Warning, Error, Fatal).");
}
