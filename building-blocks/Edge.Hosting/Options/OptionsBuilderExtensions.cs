using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Hosting.Options;

public static class OptionsBuilderExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/> strictly (unknown keys and bad values
    /// are errors naming the key), validates DataAnnotations with full key names, and validates at start-up so a
    /// bad value stops the service before it does anything.
    /// </summary>
    public static OptionsBuilder<TOptions> AddEdgeOptions<TOptions>(this IHostApplicationBuilder builder, string section)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        RegistryOf(builder.Services).Add(section);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new DataAnnotationsKeyValidator<TOptions>(section)));
        return builder.Services.AddOptions<TOptions>()
            .Configure<IConfiguration>((options, configuration) => StrictBinder.Bind(configuration, section, options))
            .ValidateOnStart();
    }

    internal static EdgeOptionsRegistry RegistryOf(IServiceCollection services)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(EdgeOptionsRegistry))?.ImplementationInstance;
        if (existing is EdgeOptionsRegistry registry)
        {
            return registry;
        }

        registry = new EdgeOptionsRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
