using Edge.BeaconGateway.Btsnoop;
using Edge.BeaconGateway.Diagnostics;
using Edge.BeaconGateway.Hci;
using Edge.BeaconGateway.Members;
using Edge.BeaconGateway.Mqtt;
using Edge.BeaconGateway.Pipeline;
using Edge.BeaconGateway.Presence;
using Edge.BeaconGateway.Receivers;
using Edge.BeaconGateway.Remote;
using Edge.BeaconGateway.Resolution;
using Edge.BeaconGateway.Simulation;
using Edge.BeaconGateway.StoreBeacons;
using Edge.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.BeaconGateway.Hosting;

/// <summary>Registers beacon-gateway's core in a host. The service's Program calls this once.</summary>
public static class BeaconGatewayCoreExtensions
{
    /// <summary>
    /// Everything between the radio and the bus, configured from the <c>BeaconGateway</c> section:
    /// <c>Source</c> (hci: the hub's own adapter, <c>Radio</c>; btsnoop; simulator; remote),
    /// <c>Receivers</c> (list of Id/Zone/RssiOffsetDb; default one receiver "hub" in zone "store"),
    /// <c>StoreBeacons</c>, <c>Presence</c>, <c>Members</c>, <c>Btsnoop</c>, <c>Simulator</c>.
    /// Presence events are published through the <see cref="IMqttClient"/> registered by the host (QoS 1); when an
    /// MQTT client is registered, remote receivers are subscribed to as well. The host connects the client.
    /// </summary>
    /// <param name="builder">The host.</param>
    /// <param name="receivers">Receiver placements from the zones file; null = <c>BeaconGateway:Receivers</c>.</param>
    public static IHostApplicationBuilder AddBeaconGatewayCore(this IHostApplicationBuilder builder, IReadOnlyList<ReceiverOptions>? receivers = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;
        var source = configuration["BeaconGateway:Source"] ?? "simulator";

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PresenceOptions>().Bind(configuration.GetSection(PresenceOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PresenceOptions>, PresenceOptionsValidator>());
        services.AddOptions<MemberOptions>().Bind(configuration.GetSection(MemberOptions.Section));
        services.AddOptions<BtsnoopOptions>().Bind(configuration.GetSection(BtsnoopOptions.Section));
        services.AddOptions<SimulatorOptions>().Bind(configuration.GetSection(SimulatorOptions.Section));

        services.AddSingleton<MalformedCounters>();
        services.AddSingleton(sp => new HciEventParser(sp.GetRequiredService<MalformedCounters>()));
        services.AddSingleton(_ => new ReceiverMap(
            receivers
            ?? (configuration.GetSection("BeaconGateway:Receivers").Get<List<ReceiverOptions>>() is { Count: > 0 } configured
                ? configured
                : [new ReceiverOptions { Id = "hub", Zone = "store" }])));
        services.AddSingleton(_ => new StoreBeaconRegistry(
            configuration.GetSection("BeaconGateway:StoreBeacons").Get<List<StoreBeaconOptions>>() ?? []));
        services.AddSingleton(sp => new RotatingIdResolver(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<MemberOptions>>().Value.Window));
        services.AddSingleton<ChannelPresenceSink>();
        services.AddSingleton<IPresenceSink>(sp => sp.GetRequiredService<ChannelPresenceSink>());
        services.AddSingleton(sp => new PresenceEngine(
            sp.GetRequiredService<IOptions<PresenceOptions>>().Value, sp.GetRequiredService<ReceiverMap>(),
            sp.GetRequiredService<IPresenceSink>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new StoreBeaconMonitor(
            sp.GetRequiredService<StoreBeaconRegistry>(), sp.GetRequiredService<IPresenceSink>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new PrivacyGate(
            sp.GetRequiredService<RotatingIdResolver>(), sp.GetRequiredService<StoreBeaconRegistry>(), sp.GetRequiredService<MalformedCounters>()));
        services.AddSingleton(sp => CreatePipeline(sp));
        services.AddSingleton(sp => new RemoteReceiverDecoder(
            sp.GetRequiredService<BeaconGatewayPipeline>(), sp.GetRequiredService<ReceiverMap>(),
            sp.GetRequiredService<StoreBeaconRegistry>(), sp.GetRequiredService<StoreBeaconMonitor>()));
        services.AddSingleton<MalformedReporter>();

        var members = configuration.GetSection(MemberOptions.Section).Get<MemberOptions>();
        if (!string.IsNullOrEmpty(members?.KeyFile))
        {
            services.AddSingleton<IMemberKeySource>(new EncryptedMemberKeyFile(
                members.KeyFile,
                members.KeyEncryptionKeyFile ?? throw new InvalidOperationException("BeaconGateway:Members:KeyFile is set but KeyEncryptionKeyFile is not.")));
        }

        services.AddHostedService<GatewayCoreService>();
        services.AddSingleton<PresencePublisherService>();
        services.AddHostedService(sp => sp.GetRequiredService<PresencePublisherService>());
        services.AddSingleton<ILocalBusHandler>(sp => new RemoteReceiverHandler(sp.GetRequiredService<RemoteReceiverDecoder>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<MemberKeysHandler>(sp => new MemberKeysHandler(
            sp.GetRequiredService<RotatingIdResolver>(), sp.GetRequiredService<PresenceEngine>(),
            sp.GetRequiredService<IOptions<MemberOptions>>().Value.KeyEncryptionKeyFile, sp.GetRequiredService<ILogger<MemberKeysHandler>>()));
        services.AddSingleton<ILocalBusHandler>(sp => sp.GetRequiredService<MemberKeysHandler>());
        services.AddSingleton<IHostedService>(sp => sp.GetService<IMqttClient>() is { } client
            ? new LocalBusInbox(client, sp.GetServices<ILocalBusHandler>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<LocalBusInbox>>())
            : new NoLocalBus());

        AddMotion(builder);

        switch (source)
        {
            case "btsnoop":
                services.AddSingleton<BtsnoopReplayService>();
                services.AddHostedService(sp => sp.GetRequiredService<BtsnoopReplayService>());
                break;
            case "simulator":
                services.AddHostedService<SimulatorService>();
                break;
            case "remote":
                break;
            case "hci":
                services.AddOptions<Radio.ScanOptions>().Bind(configuration.GetSection(Radio.ScanOptions.Section));
                services.AddSingleton<Func<Radio.ScanOptions, Radio.IHciTransport>>(Radio.HciSocket.Open);
                services.AddSingleton<IHciEventSink>(sp => sp.GetRequiredService<BeaconGatewayPipeline>());
                services.AddHostedService<HciSourceService>();
                break;
            default:
                throw new InvalidOperationException($"BeaconGateway:Source '{source}' is not one of hci, btsnoop, remote, simulator.");
        }

        return builder;
    }

    /// <summary>BeaconGateway:Motion: none, gpio (libgpiod) or simulated (a <see cref="Motion.SimulatedMotionSensors"/> singleton).</summary>
    private static void AddMotion(IHostApplicationBuilder builder)
    {
        var source = builder.Configuration[Motion.MotionOptions.Section + ":Source"] ?? "none";
        if (source == "none")
        {
            return;
        }

        var services = builder.Services;
        services.AddOptions<Motion.MotionOptions>().Bind(builder.Configuration.GetSection(Motion.MotionOptions.Section));
        switch (source)
        {
            case "gpio":
                services.AddSingleton<Func<Motion.MotionOptions, Motion.IMotionSensors>>(sp =>
                    o => Motion.GpiodMotionSensors.Open(o, sp.GetRequiredService<TimeProvider>()));
                break;
            case "simulated":
                services.AddSingleton<Motion.SimulatedMotionSensors>();
                services.AddSingleton<Func<Motion.MotionOptions, Motion.IMotionSensors>>(sp =>
                    _ => sp.GetRequiredService<Motion.SimulatedMotionSensors>());
                break;
            default:
                throw new InvalidOperationException($"BeaconGateway:Motion:Source '{source}' is not one of none, gpio, simulated.");
        }

        services.AddSingleton<Motion.MotionService>();
        services.AddHostedService(sp => sp.GetRequiredService<Motion.MotionService>());
    }

    private static BeaconGatewayPipeline CreatePipeline(IServiceProvider sp)
    {
        var receivers = sp.GetRequiredService<ReceiverMap>();
        var pipeline = new BeaconGatewayPipeline(
            sp.GetRequiredService<HciEventParser>(), sp.GetRequiredService<PrivacyGate>(), sp.GetRequiredService<PresenceEngine>(),
            sp.GetRequiredService<StoreBeaconMonitor>(), receivers.TryGetIndex("hub", out var hub) ? hub : 0);
        var recordPath = sp.GetRequiredService<IOptions<BtsnoopOptions>>().Value.RecordPath;
        if (!string.IsNullOrEmpty(recordPath))
        {
            pipeline.Recorder = new BtsnoopRecorder(new BtsnoopWriter(new BufferedStream(File.Create(recordPath))));
        }

        return pipeline;
    }

    private sealed class NoLocalBus : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
