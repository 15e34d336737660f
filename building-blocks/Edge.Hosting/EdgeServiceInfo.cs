using System.Reflection;

namespace Edge.Hosting;

/// <summary>Which service this process is, and its version (from the entry assembly's informational version).</summary>
public sealed record EdgeServiceInfo(string Name, string Version)
{
    public static EdgeServiceInfo For(string name)
    {
        var assembly = Assembly.GetEntryAssembly() ?? typeof(EdgeServiceInfo).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        return new EdgeServiceInfo(name, version);
    }
}
