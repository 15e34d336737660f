using Edge.FleetDashboard.Hosting;
using Edge.Hosting;
using Edge.Hosting.Health;
using Microsoft.AspNetCore.Builder;

return await EdgeService.RunAsync("fleet-dashboard", args, static args =>
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddEdgeHostDefaults("fleet-dashboard", usesLocalBroker: false);
    builder.AddFleetDashboard();
    var app = builder.Build();
    app.MapEdgeHealthChecks();
    app.MapFleetDashboard();
    return app;
});
