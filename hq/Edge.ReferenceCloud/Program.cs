using Edge.Hosting;
using Edge.Hosting.Health;
using Edge.ReferenceCloud.Api;
using Edge.ReferenceCloud.Hosting;
using Microsoft.AspNetCore.Builder;

return await EdgeService.RunAsync("reference-cloud", args, static args =>
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddEdgeHostDefaults("reference-cloud", usesLocalBroker: false);
    builder.AddReferenceCloud();
    var app = builder.Build();
    app.MapEdgeHealthChecks();
    app.MapCloudApi();
    app.MapStoreContentApi();
    return app;
});
