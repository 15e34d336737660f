namespace Edge.ReferenceCloud.Phone;

/// <summary>A walk under way: which receivers report the phone, how many adverts each, from when to when (cloud clock).</summary>
internal sealed record WalkStarted(string MemberId, string Zone, IReadOnlyList<string> Receivers, int Adverts, DateTimeOffset From, DateTimeOffset Until);
