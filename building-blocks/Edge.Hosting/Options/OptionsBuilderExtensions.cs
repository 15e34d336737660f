using System.Diagnostics.CodeAnalysis;
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
    /// bad value stops the service before it does anything. Binds with the reflection-based configuration binder:
    /// services published as Native AOT use the overload that takes the binding instead.
    /// </summary>
    [RequiresUnreferencedCode("Binds with the reflection-based configuration binder; Native AOT services pass a source-generated binding (the overload with bind).")]
    [RequiresDynamicCode("Binds with the reflection-based configuration binder; Native AOT services pass a source-generated binding (the overload with bind).")]
    public static OptionsBuilder<TOptions> AddEdgeOptions<[DynamicallyAccessedMembers(StrictBinder.OptionsMembers)] TOptions>(this IHostApplicationBuilder builder, string section)
        where TOptions : class
    {
        // The reflection binder on purpose (the two Requires attributes above tell the callers), taken as a method group:
        // the source generator cannot bind a generic TOptions and would report every call to Bind here (SYSLIB1104).
        Action<IConfiguration, object> reflectionBind = ConfigurationBinder.Bind;
        return builder.AddEdgeOptions<TOptions>(section, (configuration, options) => reflectionBind(configuration, options));
    }

    /// <summary>
    /// The same with the binding given by the caller, where the options type is concrete, e.g.
    /// <c>static (c, o) => c.Bind(o)</c>: the configuration binding source generator then binds without reflection
    /// (Native AOT).
    /// </summary>
    public static OptionsBuilder<TOptions> AddEdgeOptions<[DynamicallyAccessedMembers(StrictBinder.OptionsMembers)] TOptions>(
        this IHostApplicationBuilder builder, string section, Action<IConfiguration, TOptions> bind)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(bind);
        RegistryOf(builder.Services).Add(section);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new DataAnnotationsKeyValidator<TOptions>(section)));
        return builder.Services.AddOptions<TOptions>()
            .Configure<IConfiguration>((options, configuration) => StrictBinder.Bind(configuration, section, options, bind))
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
