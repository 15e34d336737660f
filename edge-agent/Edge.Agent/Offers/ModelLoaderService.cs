namespace Edge.Agent.Offers;

/// <summary>Loads the configured bundle at start (a refused one is logged and counted; the rules decide until a good one loads).</summary>
internal sealed class ModelLoaderService(OfferModel model) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        model.LoadConfigured();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
