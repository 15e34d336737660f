using Edge.Hosting.Options;

namespace Edge.Agent.Api;

internal static class AgentApiExtensions
{
    public static IHostApplicationBuilder AddAgentApi(this WebApplicationBuilder builder)
    {
        builder.AddEdgeOptions<AgentApiOptions>(AgentApiOptions.Section);
        // Kestrel needs the address before options validation runs; the validator still rejects a bad one at start.
        var url = builder.Configuration[$"{AgentApiOptions.Section}:Url"] ?? new AgentApiOptions().Url;
        builder.WebHost.UseUrls(url.StartsWith("unix:", StringComparison.Ordinal) ? "http://" + url : url);
        return builder;
    }

    public static WebApplication MapAgentApi(this WebApplication app)
    {
        app.MapGet("/api/v1/status", (Edge.Hosting.EdgeServiceInfo service) => Results.Ok(new { service = service.Name, version = service.Version }));
        return app;
    }
}
