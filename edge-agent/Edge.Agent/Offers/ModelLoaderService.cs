using Edge.Agent.Storage;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Offers;

/// <summary>
/// Loads the offer model at start: the bundle the cloud sent last when there is one (its folder stored by
/// <see cref="CloudModelBundleHandler"/>), else — or when that folder no longer loads — the configured bundle. A
/// refused bundle is logged and counted; the rules decide until a good one loads.
/// </summary>
internal sealed class ModelLoaderService(OfferModel model, AgentDatabase database, IOptions<OffersOptions> options, IHostEnvironment environment, ILogger<ModelLoaderService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (CloudContent.Read(database, CloudContent.ModelBundle) is { Content: { } name })
        {
            var directory = Path.Combine(options.Value.CloudBundlesPath(environment.ContentRootPath), name);
            if (model.TryLoad(directory, out _))
            {
                return Task.CompletedTask;
            }

            OffersLog.CloudBundleUnavailable(logger, directory);
        }

        model.LoadConfigured();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
