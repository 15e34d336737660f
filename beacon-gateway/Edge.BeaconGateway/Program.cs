using Edge.Hosting;
using Edge.BeaconGateway.Hosting;
using Microsoft.Extensions.Hosting;

return await EdgeService.RunAsync("beacon-gateway", args, static args =>
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddEdgeHostDefaults("beacon-gateway");
    builder.AddBeaconGateway();
    return builder.Build();
});
