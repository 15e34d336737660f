using Edge.Hosting.Broker;
using Edge.Hosting.Clock;
using Edge.Hosting.Logging;
using Edge.Hosting.Options;
using Edge.Hosting.Systemd;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serilog;

namespace Edge.Hosting;

public static class EdgeHostBuilderExtensions
{
    /// <summary>Folder of the hub's configuration files; EDGE_CONFIG_DIR overrides it (tests, development).</summary>
    public const string DefaultConfigDirectory = "/etc/store-edge";

    /// <summary>
    /// The defaults every Store Edge service starts from: configuration files in /etc/store-edge, Serilog
    /// (journald format under systemd), TimeProvider, systemd READY/STOPPING/WATCHDOG/STATUS, health checks,
    /// validated store/host/broker options, bounded graceful shutdown.
    /// </summary>
    public static IHostApplicationBuilder AddEdgeHostDefaults(this IHostApplicationBuilder builder, string serviceName, bool usesLocalBroker = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var service = EdgeServiceInfo.For(serviceName);
        builder.Services.AddSingleton(service);
        AddConfigurationFiles(builder.Configuration, serviceName);

        var systemd = SystemdEnvironment.From(builder.Configuration);
        builder.Services.AddSingleton(systemd);
        builder.AddEdgeOptions<EdgeClockOptions>(EdgeClockOptions.Section, static (c, o) => c.Bind(o));
        builder.Services.TryAddSingleton(CreateClock);

        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace); // Serilog's own levels decide.
        builder.Logging.AddSerilog(EdgeLoggerFactory.Create(builder.Configuration, service, systemd.UnderSystemd), dispose: true);

        builder.AddEdgeOptions<StoreOptions>(StoreOptions.Section, static (c, o) => c.Bind(o));
        builder.AddEdgeOptions<EdgeLoggingOptions>(EdgeLoggingOptions.Section, static (c, o) => c.Bind(o));
        builder.AddEdgeOptions<EdgeHostOptions>(EdgeHostOptions.Section, static (c, o) => c.Bind(o));
        builder.Services.AddOptions<HostOptions>()
            .Configure<IOptions<EdgeHostOptions>>((host, edge) => host.ShutdownTimeout = edge.Value.ShutdownTimeout);
        if (systemd.UnderSystemd)
        {
            builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        }

        builder.Services.AddSingleton<SystemdNotifier>();
        builder.Services.AddSingleton<ISystemdNotifier>(sp => sp.GetRequiredService<SystemdNotifier>());
        builder.Services.AddHostedService<SystemdLifetimeNotifier>();
        builder.Services.AddHostedService<SystemdWatchdogService>();
        var health = builder.Services.AddHealthChecks();

        if (usesLocalBroker)
        {
            builder.AddEdgeOptions<LocalBrokerOptions>(LocalBrokerOptions.Section, static (c, o) => c.Bind(o));
            builder.Services.AddSingleton<LocalBrokerProbe>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<LocalBrokerProbe>());
            health.AddCheck<LocalBrokerProbe>("local-broker");
        }

        return builder;
    }

    /// <summary>The real clock, or with <see cref="EdgeClockOptions.Rate"/> above 1 a faster one (demos and tests).</summary>
    private static TimeProvider CreateClock(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<EdgeClockOptions>>().Value;
        if (options.Rate == 1)
        {
            return TimeProvider.System;
        }

        var origin = options.Origin ?? TimeProvider.System.GetUtcNow();
        HostingLog.FastClock(services.GetRequiredService<ILoggerFactory>().CreateLogger("Edge.Hosting.Clock"), options.Rate, origin);
        return new ScaledTimeProvider(TimeProvider.System, options.Rate, origin);
    }

    /// <summary>
    /// Adds /etc/store-edge/store.json (written by provisioning) and /etc/store-edge/{service}.json below the
    /// environment variables and command line, so those still override files, as in ASP.NET Core's defaults.
    /// </summary>
    private static void AddConfigurationFiles(IConfigurationManager configuration, string serviceName)
    {
        var dir = configuration["EDGE_CONFIG_DIR"];
        dir = string.IsNullOrEmpty(dir) ? DefaultConfigDirectory : dir;
        var sources = configuration.Sources;
        // The unprefixed environment source: the default builders also add DOTNET_/ASPNETCORE_-prefixed ones for host
        // settings *before* appsettings.json, and inserting there would let appsettings.json override the hub's files.
        var index = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        if (index < 0)
        {
            index = sources.Count;
        }

        IConfigurationSource[] files =
        [
            Json(Path.Combine(dir, "store.json")),
            Json(Path.Combine(dir, serviceName + ".json")),
        ];
        for (var i = files.Length - 1; i >= 0; i--)
        {
            sources.Insert(index, files[i]);
        }
    }

    private static IConfigurationSource Json(string path)
    {
        var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = Path.GetFileName(path),
            Optional = true,
            ReloadOnChange = false,
        };
        var directory = Path.GetDirectoryName(path)!;
        source.FileProvider = Directory.Exists(directory)
            ? new Microsoft.Extensions.FileProviders.PhysicalFileProvider(directory)
            : new Microsoft.Extensions.FileProviders.NullFileProvider();
        return source;
    }
}
