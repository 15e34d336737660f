namespace Edge.Provisioning.Zones;

/// <summary>"Did you mean" for misspelt keys and kinds: the closest known word within two edits.</summary>
internal static class Suggest
{
    public static string DidYouMean(string typed, IEnumerable<string> known)
    {
        var best = known.Select(k => (Word: k, Distance: Distance(typed.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(c => c.Distance <= 2)
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Word is null ? string.Empty : $" (did you mean '{best.Word}'?)";
    }

    // Optimal string alignment distance: transpositions count once, the commonest typo ("recievers").
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
