using Edge.Hosting.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Edge.Agent.Games;

internal static class GamesExtensions
{
    /// <summary>Check-in, prize draw and spin; the RNG and the budget source are TryAdd seams (tests, the cloud's prize budget).</summary>
    public static IHostApplicationBuilder AddGames(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeOptions<GamesOptions>(GamesOptions.Section, static (c, o) => c.Bind(o));
        builder.Services.AddSingleton<StoreCalendar>();
        builder.Services.TryAddSingleton<IGameRandom, CryptoGameRandom>();
        builder.Services.AddSingleton<ConfiguredPrizeBudget>();
        builder.Services.AddSingleton<CloudPrizeBudget>();
        builder.Services.AddSingleton<Bus.IBusHandler>(sp => sp.GetRequiredService<CloudPrizeBudget>());
        builder.Services.TryAddSingleton<IPrizeBudgetSource>(sp => sp.GetRequiredService<CloudPrizeBudget>());
        builder.Services.AddSingleton<GameService>();
        return builder;
    }
}
