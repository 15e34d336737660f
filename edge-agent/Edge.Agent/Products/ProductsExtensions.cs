using Edge.Agent.Bus;
using Edge.Hosting.Options;

namespace Edge.Agent.Products;

internal static class ProductsExtensions
{
    /// <summary>The product catalog: store/down/product-catalog from cloud-sync, an optional seed file, search and lookup.</summary>
    public static IHostApplicationBuilder AddProducts(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeOptions<ProductsOptions>(ProductsOptions.Section, static (c, o) => c.Bind(o));
        builder.Services.AddSingleton<ProductCatalogStore>();
        builder.Services.AddSingleton<IBusHandler, ProductCatalogHandler>();
        builder.Services.AddHostedService<ProductSeedService>();
        return builder;
    }
}
