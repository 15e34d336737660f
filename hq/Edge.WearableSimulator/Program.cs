using Edge.Hosting;
using Edge.Hosting.Health;
using Edge.WearableSimulator.Hosting;
using Microsoft.AspNetCore.Builder;

return await EdgeService.RunAsync("wearable-simulator", args, static args =>
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddEdgeHostDefaults("wearable-simulator");
    builder.AddWearableSimulator();
    var app = builder.Build();
    app.MapEdgeHealthChecks();
    app.MapWearables();
    return app;
});
