using Edge.Agent.Storage;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Offers;

/// <summary>
/// Loads the offer model at start: the bundle the cloud sent last when there is one (its folder stored by
/// <see cref="CloudModelBundleHandler"/>), else — or when that folder no longer loads — the configured bundle. A
/// refused bundle is logged and counted; the rules decide until a good one loads. In shadow mode the stored shadow
/// bundle loads beside it.
/// </summary>
internal sealed class ModelLoaderService(OfferModel model, AgentDatabase database, IOptions<OffersOptions> options, IHostEnvironment environment, ILogger<ModelLoaderService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LoadServing();
        if (options.Value.ShadowMode && CloudContent.Read(database, CloudContent.ShadowBundle) is { Content: { } shadow })
        {
            model.TryLoadShadow(Folder(shadow), out _);
        }

        return Task.CompletedTask;
    }

    private void LoadServing()
    {
        if (CloudContent.Read(database, CloudContent.ModelBundle) is { Content: { } name })
        {
            var directory = Folder(name);
            if (model.TryLoad(directory, out _))
            {
                return;
            }

            OffersLog.CloudBundleUnavailable(logger, directory);
        }

        model.LoadConfigured();
    }

    private string Folder(string name) => Path.Combine(options.Value.CloudBundlesPath(environment.ContentRootPath), name);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
