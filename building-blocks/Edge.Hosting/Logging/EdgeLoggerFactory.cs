using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Formatting.Json;

namespace Edge.Hosting.Logging;

/// <summary>Builds the Serilog pipeline: levels from configuration, journald or human console, optional JSON file.</summary>
internal static class EdgeLoggerFactory
{
    private const string HostStartupFailedTemplate = "Hosting failed to start";
    private const string HumanTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static Serilog.ILogger Create(IConfiguration configuration, EdgeServiceInfo service, bool underSystemd)
    {
        var options = configuration.GetSection(EdgeLoggingOptions.Section).Get<EdgeLoggingOptions>() ?? new EdgeLoggingOptions();
        var config = new LoggerConfiguration()
            .MinimumLevel.Information();
        SerilogLevels.Apply(config, configuration);
        config
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Service", service.Name)
            .Enrich.WithProperty("Version", service.Version);

        // The host logs a start-up failure with its stack trace; EdgeService prints that failure as one line,
        // so the console leaves the host's copy out (the optional file keeps it for support).
        config.WriteTo.Logger(console =>
        {
            console.Filter.ByExcluding(e => e.MessageTemplate.Text == HostStartupFailedTemplate);
            if (options.Journald ?? underSystemd)
            {
                console.WriteTo.Console(new JournaldFormatter());
            }
            else
            {
                console.WriteTo.Console(outputTemplate: HumanTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        });

        if (!string.IsNullOrWhiteSpace(options.FilePath))
        {
            config.WriteTo.File(
                new JsonFormatter(renderMessage: true),
                options.FilePath,
                rollingInterval: RollingInterval.Day,
                fileSizeLimitBytes: options.FileSizeLimitBytes,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: options.RetainedFileCount);
        }

        return config.CreateLogger();
    }
}
