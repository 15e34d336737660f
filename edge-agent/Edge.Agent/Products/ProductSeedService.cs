using System.Text.Json;
using Edge.Agent.Storage;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Products;

/// <summary>
/// Loads <see cref="ProductsOptions.SeedFile"/> at start while the catalog is empty (a demo, or a hub the cloud has
/// not yet sent a catalog). A missing or broken file is logged and counted; the agent runs with an empty catalog.
/// </summary>
internal sealed class ProductSeedService(
    AgentWriter writer,
    ProductCatalogStore store,
    IOptions<ProductsOptions> options,
    IHostEnvironment environment,
    AgentCounters counters,
    ILogger<ProductSeedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.SeedFile) || store.Count() > 0)
        {
            return;
        }

        var path = Path.IsPathRooted(options.Value.SeedFile) ? options.Value.SeedFile : Path.Combine(environment.ContentRootPath, options.Value.SeedFile);
        Contracts.Agent.ProductCatalogUpdate? update;
        try
        {
            await using var file = File.OpenRead(path);
            update = await JsonSerializer.DeserializeAsync(file, ProductsJsonContext.Default.ProductCatalogUpdate, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            counters.Increment("products.seed_failed");
            ProductsLog.SeedRefused(logger, path, e.Message);
            return;
        }

        if (update?.Products is null)
        {
            counters.Increment("products.seed_failed");
            ProductsLog.SeedRefused(logger, path, "no products list");
            return;
        }

        var (applied, rejected) = await writer.WriteAsync(tx => store.Apply(tx, update), cancellationToken).ConfigureAwait(false);
        ProductsLog.CatalogApplied(logger, "from the seed file", applied, rejected, update.Full);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
