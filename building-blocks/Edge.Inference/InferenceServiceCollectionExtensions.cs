using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.Inference;

/// <summary>DI registration of the inference binding.</summary>
public static class InferenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IInferenceSessionFactory"/> (singleton) and validates <see cref="InferenceOptions"/> at
    /// start-up. Bind configuration on the returned builder, e.g. <c>.BindConfiguration(InferenceOptions.SectionName)</c>.
    /// </summary>
    public static OptionsBuilder<InferenceOptions> AddEdgeInference(this IServiceCollection services, Action<InferenceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<InferenceOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>());
        builder.ValidateOnStart();
        services.TryAddSingleton<IInferenceSessionFactory>(sp => new InferenceSessionFactory(
            sp.GetRequiredService<IOptions<InferenceOptions>>(),
            sp.GetService<ILoggerFactory>()));
        return builder;
    }
}
