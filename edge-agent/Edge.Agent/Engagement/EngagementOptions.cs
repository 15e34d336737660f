using System.ComponentModel.DataAnnotations;

namespace Edge.Agent.Engagement;

/// <summary>Section <c>EdgeAgent:Engagement</c>: wish list, badges and challenges, "share your visit" points.</summary>
internal sealed class EngagementOptions
{
    public const string Section = "EdgeAgent:Engagement";

    /// <summary>Most products on one member's wish list; one more is refused (409 wish_list_full).</summary>
    [Range(1, 500)]
    public int MaxWishListItems { get; set; } = 50;

    /// <summary>Pending points for sharing the visit, once per member per store day.</summary>
    [Range(1, 10_000)]
    public int SharePoints { get; set; } = 5;

    /// <summary>Check-ins (all time) for the "check-ins" badge.</summary>
    [Range(2, 1000)]
    public int CheckInBadgeTarget { get; set; } = 5;

    /// <summary>Days with a check-in this calendar month (store time zone) to complete the monthly challenge.</summary>
    [Range(1, 28)]
    public int MonthlyCheckInDays { get; set; } = 3;
}
