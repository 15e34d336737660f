using System.Globalization;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Games;

/// <summary>The prize budget from <see cref="GamesOptions.PrizeBudget"/> per day or ISO week.</summary>
internal sealed class ConfiguredPrizeBudget(IOptions<GamesOptions> options) : IPrizeBudgetSource
{
    public PrizeBudget For(DateOnly storeDay)
    {
        var o = options.Value;
        var period = o.PrizeBudgetPeriod == BudgetPeriod.Week
            ? string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(storeDay.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(storeDay.ToDateTime(TimeOnly.MinValue)):00}")
            : storeDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new PrizeBudget(period, o.PrizeBudget);
    }
}
