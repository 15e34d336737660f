using Edge.Hosting.Options;
using Edge.Messaging.Hosting;
using Edge.ReferenceCloud.Claims;
using Edge.ReferenceCloud.Downstream;
using Edge.ReferenceCloud.Storage;
using Edge.ReferenceCloud.Upstream;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Edge.ReferenceCloud.Hosting;

internal static class ReferenceCloudExtensions
{
    private const string PhoneClient = "phones";

    /// <summary>Claims, up-stream ledger, signed down messages, the HTTP API, and the cloud broker connection.</summary>
    public static WebApplicationBuilder AddReferenceCloud(this WebApplicationBuilder builder)
    {
        builder.AddEdgeOptions<ReferenceCloudOptions>(ReferenceCloudOptions.Section);
        var options = builder.Configuration.GetSection(ReferenceCloudOptions.Section).Get<ReferenceCloudOptions>() ?? new ReferenceCloudOptions();
        builder.WebHost.UseUrls(options.Url);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, Api.CloudApiJsonContext.Default));
        builder.Services.AddEdgeMqtt(o =>
        {
            options.ApplyTo(o);
            o.ClientId = "reference-cloud";

            // A persistent session: what hubs send while this process restarts, or before it has re-subscribed after
            // a broker restart, waits for it at the broker (a clean session lost the events of the hub that reconnected
            // first; the store test saw it). As long as the longest outage the cloud is meant to ride out.
            o.CleanStart = false;
            o.SessionExpiry = options.SessionExpiry;
        });
        builder.Services.AddHealthChecks().AddEdgeMqtt().AddCheck<CloudBusHealthCheck>("cloud-bus");
        builder.Services.AddEdgeMqttConnection();
        builder.Services.AddSingleton(sp => new CloudDatabase(sp.GetRequiredService<IOptions<ReferenceCloudOptions>>().Value.DatabasePath));
        builder.Services.AddSingleton(sp => FleetCa.LoadOrCreate(sp.GetRequiredService<IOptions<ReferenceCloudOptions>>().Value.FleetCaDirectory, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(sp => DownSigningKey.LoadOrCreate(sp.GetRequiredService<IOptions<ReferenceCloudOptions>>().Value.SigningKeyFile));
        builder.Services.AddSingleton<ClaimBook>();
        builder.Services.AddSingleton<ClaimHandler>();
        builder.Services.AddSingleton<EventLedger>();
        builder.Services.AddSingleton<UpstreamHandler>();
        builder.Services.AddSingleton<Fleet.HubEventCounters>();
        builder.Services.AddSingleton<Fleet.ResyncHandler>();
        builder.Services.AddSingleton<Fleet.HubDiagnostics>();
        builder.Services.AddSingleton<DownPublisher>();
        builder.Services.AddSingleton<Members.MemberRegistry>();
        builder.Services.AddSingleton<Stores.StoreDirectory>();
        builder.Services.AddSingleton<Diagnostics.ApiRefusals>();
        builder.Services.AddSingleton<Catalogs.StoreCatalogs>();
        builder.Services.AddSingleton(sp => new Bundles.ModelSigningKey(DownSigningKey.LoadOrCreate(sp.GetRequiredService<IOptions<ReferenceCloudOptions>>().Value.ModelSigningKeyFile)));
        builder.Services.AddSingleton<Bundles.ModelBundlePublisher>();
        builder.Services.AddSingleton<Phone.KioskPairing>();
        if (!string.IsNullOrWhiteSpace(options.PhoneBroker))
        {
            // The store hub's own broker, apart from the cloud broker: the phone player stands where the store's radios are.
            builder.Services.AddEdgeMqtt(o =>
            {
                o.Server = options.PhoneBroker;
                o.ClientId = "reference-cloud-phones";
            }, PhoneClient);
        }

        builder.Services.AddSingleton(sp => new Phone.PhonePlayer(
            sp.GetKeyedService<Edge.Messaging.IMqttClient>(PhoneClient), sp.GetRequiredService<Members.MemberRegistry>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ReferenceCloudOptions>>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Phone.PhonePlayer>>()));
        builder.Services.AddSingleton<CloudBusService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CloudBusService>());
        return builder;
    }
}
