using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Edge.Hosting.Tests;

/// <summary>Builds in-process hosts with AddEdgeHostDefaults and a chosen configuration and clock.</summary>
internal static class TestHosts
{
    public static readonly Dictionary<string, string?> ValidStore = new()
    {
        ["Edge:Store:StoreId"] = "store-42",
        ["Edge:Store:HubId"] = "hub-1",
    };

    public static HostApplicationBuilder Builder(IDictionary<string, string?> settings, TimeProvider? time = null, string[]? args = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args ?? [],
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(ValidStore.Concat(settings).GroupBy(kv => kv.Key).Select(g => g.Last()));
        if (args is { Length: > 0 })
        {
            builder.Configuration.AddCommandLine(args);
        }

        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        return builder;
    }

    public static IHost AddEdgeHostDefaultsAndBuild(this HostApplicationBuilder builder)
    {
        builder.AddEdgeHostDefaults("sample", usesLocalBroker: false);
        return builder.Build();
    }
}
