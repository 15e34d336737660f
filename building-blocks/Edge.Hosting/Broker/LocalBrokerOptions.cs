using System.ComponentModel.DataAnnotations;
using Edge.Hosting.Options;

namespace Edge.Hosting.Broker;

/// <summary>Section <c>Edge:Broker</c>: the hub's local mosquitto broker that all services talk through.</summary>
public sealed class LocalBrokerOptions
{
    public const string Section = "Edge:Broker";

    [Required(ErrorMessage = "is required: the local broker's host, normally 127.0.0.1")]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>When true, start-up fails (exit 69) if the broker cannot be reached within <see cref="StartupTimeout"/>.</summary>
    public bool RequiredAtStartup { get; set; } = true;

    [TimeSpanRange("00:00:00", "00:05:00")]
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
