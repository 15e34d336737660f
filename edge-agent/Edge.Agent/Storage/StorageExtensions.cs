using Edge.Hosting.Options;

namespace Edge.Agent.Storage;

internal static class StorageExtensions
{
    /// <summary>The SQLite store: migrated at start, one writer. Registered first so its writer stops last (drains).</summary>
    public static IHostApplicationBuilder AddAgentStorage(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeOptions<StorageOptions>(StorageOptions.Section, static (c, o) => c.Bind(o));
        builder.Services.AddSingleton<AgentDatabase>();
        builder.Services.AddSingleton<AgentWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AgentWriter>());
        builder.Services.AddSingleton<AgentCounters>();
        return builder;
    }
}
