using Microsoft.Extensions.Options;

namespace Edge.Agent.Games;

/// <summary>The store's local calendar (<see cref="GamesOptions.TimeZone"/>): what "today" is for daily limits and budgets.</summary>
internal sealed class StoreCalendar(IOptions<GamesOptions> options, TimeProvider time)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateOnly Today() => DayOf(time.GetUtcNow());

    /// <summary>The store day an instant falls on (receipts, stamps and points caps count by it too).</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _zone).DateTime);
}
