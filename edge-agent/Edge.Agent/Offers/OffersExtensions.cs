using Edge.Agent.Members;
using Edge.Hosting.Options;
using Edge.Inference;

namespace Edge.Agent.Offers;

internal static class OffersExtensions
{
    /// <summary>Catalog, signed ONNX offer model, scorer with rules fallback, decision engine, presence-triggered decisions.</summary>
    public static IHostApplicationBuilder AddOffers(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeOptions<OffersOptions>(OffersOptions.Section);
        builder.Services.AddEdgeInference();
        builder.Services.AddSingleton<OfferCatalog>();
        builder.Services.AddSingleton<OfferModel>();
        builder.Services.AddHostedService<ModelLoaderService>();
        builder.Services.AddSingleton<OfferScorer>();
        builder.Services.AddSingleton<OfferEngine>();
        builder.Services.AddPresenceWorkQueue<PresenceOfferQueue>();
        return builder;
    }
}
