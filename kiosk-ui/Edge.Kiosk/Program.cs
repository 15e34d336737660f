using Edge.Hosting;
using Edge.Hosting.Health;
using Edge.Kiosk.Hosting;

return await EdgeService.RunAsync("kiosk-ui", args, static args =>
{
    var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddEdgeHostDefaults("kiosk-ui");
    builder.AddKioskUi();

    var app = builder.Build();
    app.MapEdgeHealthChecks();
    app.MapKioskUi();
    return app;
});
