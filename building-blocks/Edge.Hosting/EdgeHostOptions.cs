using System.ComponentModel.DataAnnotations;
using Edge.Hosting.Options;

namespace Edge.Hosting;

/// <summary>Section <c>Edge:Host</c>: process-level behaviour shared by every service.</summary>
public sealed class EdgeHostOptions
{
    public const string Section = "Edge:Host";

    /// <summary>
    /// How long shutdown may take before the host gives up on draining. Below the 5 s that the units'
    /// TimeoutStopSec and the start/stop test expect, so a drain never turns into a SIGKILL.
    /// </summary>
    [TimeSpanRange("00:00:00.100", "00:01:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(4);
}
