using Edge.Agent.Bus;
using Edge.Agent.Members;
using Edge.Hosting.Options;
using Edge.Inference;

namespace Edge.Agent.Offers;

internal static class OffersExtensions
{
    /// <summary>Catalog and model bundles from the cloud (store/down/offer-catalog, store/down/model-bundle), signed ONNX offer model, scorer with rules fallback, decision engine, presence-triggered decisions.</summary>
    public static IHostApplicationBuilder AddOffers(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeOptions<OffersOptions>(OffersOptions.Section, static (c, o) => c.Bind(o));
        builder.Services.AddEdgeInference();
        builder.Services.AddSingleton<OfferCatalog>();
        builder.Services.AddSingleton<OfferModel>();
        builder.Services.AddHostedService<ModelLoaderService>();
        builder.Services.AddHostedService<ModelAnnouncer>();
        builder.Services.AddSingleton<IBusHandler, CloudOfferCatalogHandler>();
        builder.Services.AddSingleton<IBusHandler, CloudModelBundleHandler>();
        builder.Services.AddSingleton<OfferScorer>();
        builder.Services.AddSingleton<OfferEngine>();
        builder.Services.AddSingleton<ShadowModelPromotion>();
        builder.Services.AddPresenceWorkQueue<PresenceOfferQueue>();
        return builder;
    }
}
