namespace Edge.Kiosk.Components;

/// <summary>
/// Checks a review from the form before it goes to edge-agent: rating 1-5, some text, at most <see cref="MaxLength"/>
/// characters (the contract's limit; longer text is cut and the shopper is told), control characters removed.
/// </summary>
internal static class ReviewInput
{
    public const int MaxLength = 2000;

    public static (int Rating, string Text, bool Cut, string? ErrorKey) Check(string? rating, string? text)
    {
        if (!int.TryParse(rating, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var stars) || stars is < 1 or > 5)
        {
            return (0, "", false, "reviews.needRating");
        }

        var clean = new string((text ?? "").Where(c => !char.IsControl(c) || c == '\n').ToArray()).Trim();
        if (clean.Length == 0)
        {
            return (stars, "", false, "reviews.needText");
        }

        var cut = clean.Length > MaxLength;
        return (stars, cut ? clean[..MaxLength] : clean, cut, null);
    }
}
