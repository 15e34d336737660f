namespace Edge.Agent.Alerts;

/// <summary>
/// Picks the clerk for an alert: on shift, not busy, under the hourly cap and not offered this alert before; first
/// those of the alert's zone, then those of its configured neighbours (in the configured order), then, when
/// <see cref="AlertsOptions.AnyZoneFallback"/> is on, anyone. Within a tier the clerk sent the fewest alerts in the
/// last hour wins (then the clerk id, so the choice is reproducible).
/// </summary>
internal static class ClerkRouter
{
    public static ClerkState? Choose(
        IReadOnlyList<ClerkState> clerks, IReadOnlyDictionary<string, int> sentLastHour, string zone, IReadOnlyCollection<string> exclude, AlertsOptions options)
    {
        ClerkState? best = null;
        var bestRank = (Tier: int.MaxValue, Sent: int.MaxValue);
        foreach (var clerk in clerks)
        {
            var sent = sentLastHour.TryGetValue(clerk.ClerkId, out var n) ? n : 0;
            if (!clerk.OnShift || clerk.Busy || sent >= options.MaxAlertsPerClerkPerHour || exclude.Contains(clerk.ClerkId))
            {
                continue;
            }

            var tier = Tier(clerk.Zone, zone, options);
            if (tier < 0)
            {
                continue;
            }

            var rank = (tier, sent);
            if (best is null || rank.CompareTo(bestRank) < 0 || (rank == bestRank && string.CompareOrdinal(clerk.ClerkId, best.ClerkId) < 0))
            {
                best = clerk;
                bestRank = rank;
            }
        }

        return best;
    }

    private static int Tier(string? clerkZone, string zone, AlertsOptions options)
    {
        if (string.Equals(clerkZone, zone, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        if (clerkZone is not null && options.Zones.TryGetValue(zone, out var config))
        {
            var index = config.Neighbours.FindIndex(n => string.Equals(n, clerkZone, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return 1 + index;
            }
        }

        return options.AnyZoneFallback ? 1000 : -1;
    }
}
