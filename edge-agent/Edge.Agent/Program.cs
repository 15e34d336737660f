using Edge.Agent.Api;
using Edge.Hosting;
using Edge.Hosting.Health;

return await EdgeService.RunAsync("edge-agent", args, static args =>
{
    var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddEdgeHostDefaults("edge-agent");
    builder.AddAgentApi();

    var app = builder.Build();
    app.MapEdgeHealthChecks();
    app.MapAgentApi();
    return app;
});
