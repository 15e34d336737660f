namespace Edge.Kiosk.Signage;

/// <summary>A named part of the store day in local time, e.g. breakfast 06:00-10:30; <see cref="End"/> before <see cref="Start"/> wraps past midnight.</summary>
internal sealed record Daypart(string Name, TimeOnly Start, TimeOnly End)
{
    public bool Contains(TimeOnly time) => Start <= End ? time >= Start && time < End : time >= Start || time < End;
}
