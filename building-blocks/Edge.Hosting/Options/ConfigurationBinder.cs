using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Edge.Hosting.Options;

/// <summary>
/// Binds a section strictly: a key that matches no property, or a value that does not convert, is an error
/// that names the full key ("EdgeAgent:Api:Prot is not a setting of EdgeAgent:Api"), so a typo in
/// appsettings.json stops the service instead of being silently ignored.
/// </summary>
internal static class StrictBinder
{
    /// <summary>What the key check and the validator read of an options type (and what options need to be created).</summary>
    public const DynamicallyAccessedMemberTypes OptionsMembers =
        DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.Interfaces
        | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor;

    /// <summary>Why reading the properties of nested options types is safe when trimmed (Native AOT).</summary>
    public const string RootedOptionsJustification =
        "Options types, nested ones included, are declared in the service's own assemblies, which a Native AOT publish "
        + "roots whole (TrimmerRootAssembly, building-blocks/HubServiceRuntime.props), so their public properties, their "
        + "attributes and their metadata are kept. Framework types met on the way are leaves, lists or dictionaries, "
        + "whose properties are never read; a list or dictionary there is a type the bound instance constructs, so "
        + "its interfaces are known.";

    public static void Bind<[DynamicallyAccessedMembers(OptionsMembers)] TOptions>(
        IConfiguration configuration, string section, TOptions instance, Action<IConfiguration, TOptions> bind)
    {
        var node = configuration.GetSection(section);
        CheckKnownKeys(node, typeof(TOptions));
        try
        {
            bind(node, instance);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message already names the key ("Failed to convert configuration value at 'X:Y'...").
            throw new EdgeConfigurationException(ex.Message + $" Fix it in appsettings.json, /etc/store-edge or the environment variable {section.Replace(":", "__", StringComparison.Ordinal)}__<Name>.", ex);
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = RootedOptionsJustification)]
    [UnconditionalSuppressMessage("Trimming", "IL2062", Justification = RootedOptionsJustification)]
    private static void CheckKnownKeys(IConfigurationSection node, [DynamicallyAccessedMembers(OptionsMembers)] Type type)
    {
        if (IsLeaf(type) || typeof(IDictionary).IsAssignableFrom(type) || IsGenericDictionary(type))
        {
            return;
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault();
            if (element is not null)
            {
                foreach (var child in node.GetChildren())
                {
                    CheckKnownKeys(child, element);
                }
            }

            return;
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in node.GetChildren())
        {
            if (!properties.TryGetValue(child.Key, out var property))
            {
                var known = string.Join(", ", properties.Keys.Order(StringComparer.Ordinal));
                throw new EdgeConfigurationException($"{child.Path} is not a setting of {node.Path} (known: {known}). Remove or correct it.");
            }

            CheckKnownKeys(child, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType);
        }
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid) || type == typeof(Uri);

    private static bool IsGenericDictionary([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.Interfaces)] Type type) =>
        type.IsGenericType && type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
}
