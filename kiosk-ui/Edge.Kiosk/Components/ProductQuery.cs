namespace Edge.Kiosk.Components;

/// <summary>Search text from the screen: trimmed, null when empty, cut to <see cref="MaxLength"/>.</summary>
internal static class ProductQuery
{
    public const int MaxLength = 60;

    public static string? Clean(string? q)
    {
        q = q?.Trim();
        if (string.IsNullOrEmpty(q))
        {
            return null;
        }

        return q.Length > MaxLength ? q[..MaxLength] : q;
    }
}
