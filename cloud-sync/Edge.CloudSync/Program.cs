using Edge.Hosting;
using Edge.CloudSync.Hosting;
using Microsoft.Extensions.Hosting;

return await EdgeService.RunAsync("cloud-sync", args, static args =>
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddEdgeHostDefaults("cloud-sync");
    builder.AddCloudSync();
    return builder.Build();
});
