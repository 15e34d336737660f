using System.ComponentModel.DataAnnotations;

namespace Edge.Hosting.Clock;

/// <summary>
/// Section <c>Edge:Clock</c>: lets a demo or an end-to-end test run the store's processes on a clock that runs
/// <see cref="Rate"/> times faster than the real one, so that an hour of the store (dwell times, escalations, sessions,
/// hourly aggregates) passes in minutes. A hub in the field leaves it at 1.
/// </summary>
public sealed class EdgeClockOptions
{
    public const string Section = "Edge:Clock";

    /// <summary>Simulated seconds per real second. 1 is the real clock.</summary>
    [Range(1.0, 3600.0)]
    public double Rate { get; set; } = 1;

    /// <summary>
    /// The instant at which the fast clock equals the real one. Processes given the same origin and rate agree on the
    /// time; without one each process starts from its own start.
    /// </summary>
    public DateTimeOffset? Origin { get; set; }
}
