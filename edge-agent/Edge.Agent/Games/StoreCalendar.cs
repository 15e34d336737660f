using Microsoft.Extensions.Options;

namespace Edge.Agent.Games;

/// <summary>The store's local calendar (<see cref="GamesOptions.TimeZone"/>): what "today" is for daily limits and budgets.</summary>
internal sealed class StoreCalendar(IOptions<GamesOptions> options, TimeProvider time)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);
}
