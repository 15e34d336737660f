using System.Globalization;

namespace Edge.Agent.Loyalty;

/// <summary>The store's day of an instant (the hub's local time zone, from the TimeProvider), as daily caps count it.</summary>
internal static class StoreDay
{
    public static string Of(DateTimeOffset at, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return TimeZoneInfo.ConvertTime(at, time.LocalTimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
