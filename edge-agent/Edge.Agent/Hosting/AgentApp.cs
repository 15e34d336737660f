using Edge.Agent.Alerts;
using Edge.Agent.Api;
using Edge.Agent.Bus;
using Edge.Agent.Engagement;
using Edge.Agent.Games;
using Edge.Agent.Ledger;
using Edge.Agent.Loyalty;
using Edge.Agent.Members;
using Edge.Agent.Offers;
using Edge.Agent.Products;
using Edge.Agent.Reviews;
using Edge.Agent.Sessions;
using Edge.Agent.Storage;
using Edge.Hosting;
using Edge.Hosting.Health;

namespace Edge.Agent.Hosting;

/// <summary>Builds the agent; Program runs it, integration tests start the very same app in-process.</summary>
internal static class AgentApp
{
    /// <param name="args">Command line (configuration overrides).</param>
    /// <param name="before">Runs before the defaults, so a test can register its own TimeProvider (the defaults only TryAdd).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? before = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        before?.Invoke(builder);
        builder.AddEdgeHostDefaults("edge-agent");
        builder.AddAgentStorage();
        builder.AddAgentBus();
        builder.AddMembers();
        builder.AddOffers();
        builder.AddLedger();
        builder.AddAgentApi();
        builder.AddStaffAlerts();
        builder.AddLoyalty();
        builder.AddSessions();
        builder.AddGames();
        builder.AddProducts();
        builder.AddReviews();
        builder.AddEngagement();

        var app = builder.Build();
        app.MapEdgeHealthChecks();
        app.MapAgentApi();
        app.MapModelEndpoints();
        app.MapStaffAlerts();
        app.MapLoyalty();
        app.MapSessionEndpoints();
        app.MapGameEndpoints();
        app.MapProductEndpoints();
        app.MapReviewEndpoints();
        app.MapEngagementEndpoints();
        return app;
    }
}
