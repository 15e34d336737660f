using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace Edge.Hosting.Options;

/// <summary>
/// <c>[Range(typeof(TimeSpan), min, max)]</c> (same check, same message) that a Native AOT service can use: the
/// general constructor is marked as not trim-safe because it finds the type's converter by reflection.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class TimeSpanRangeAttribute : RangeAttribute
{
    // Safe trimmed: the converter RangeAttribute asks TypeDescriptor for is TimeSpan's, one of TypeDescriptor's
    // intrinsic converters, which it creates directly (no lookup by name).
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "TimeSpan's converter is intrinsic to TypeDescriptor and kept.")]
    public TimeSpanRangeAttribute(string minimum, string maximum)
        : base(typeof(TimeSpan), minimum, maximum)
    {
    }
}
