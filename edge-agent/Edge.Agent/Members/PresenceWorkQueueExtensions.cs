using System.Diagnostics.CodeAnalysis;

namespace Edge.Agent.Members;

internal static class PresenceWorkQueueExtensions
{
    /// <summary>One instance that both hears presence events and runs its loop.</summary>
    public static IServiceCollection AddPresenceWorkQueue<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TQueue>(this IServiceCollection services)
        where TQueue : BackgroundService, IPresenceConsumer
    {
        services.AddSingleton<TQueue>();
        services.AddSingleton<IPresenceConsumer>(sp => sp.GetRequiredService<TQueue>());
        services.AddHostedService(sp => sp.GetRequiredService<TQueue>());
        return services;
    }
}
