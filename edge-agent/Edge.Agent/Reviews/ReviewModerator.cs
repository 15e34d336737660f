using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Reviews;

/// <summary>
/// Moderates a review before anyone sees it: refused for blocked words ("profanity"), anything that looks like a
/// payment card number (13-19 digits passing the Luhn check: "payment_card") and links ("link"); e-mail addresses and
/// phone numbers are masked so a member cannot publish their own or someone else's. Control characters are dropped.
/// </summary>
internal sealed partial class ReviewModerator(IOptions<ReviewsOptions> options)
{
    public const string EmailMask = "[email removed]";
    public const string PhoneMask = "[phone removed]";

    private readonly HashSet<string> _blocked = new(options.Value.EffectiveBlockedWords.Select(w => w.ToLowerInvariant()), StringComparer.Ordinal);

    public ModerationResult Moderate(string text)
    {
        var clean = new string([.. text.Where(c => !char.IsControl(c) || c == '\n')]).Trim();
        if (Words().Matches(Unleet(clean.ToLowerInvariant())).Any(m => _blocked.Contains(m.Value)))
        {
            return new ModerationResult(null, "profanity");
        }

        if (CardLike().Matches(clean).Any(m => IsLuhn(m.Value)))
        {
            return new ModerationResult(null, "payment_card");
        }

        if (Link().IsMatch(clean))
        {
            return new ModerationResult(null, "link");
        }

        clean = Email().Replace(clean, EmailMask);
        clean = Phone().Replace(clean, m => m.Value.Count(char.IsAsciiDigit) is >= 7 and <= 15 ? PhoneMask : m.Value);
        return new ModerationResult(clean, null);
    }

    internal static bool IsLuhn(string candidate)
    {
        var digits = candidate.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    // "sh1t", "@ss": undo the usual swaps before matching words.
    private static string Unleet(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            b.Append(c switch { '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '@' => 'a', '$' => 's', _ => c });
        }

        return b.ToString();
    }

    [GeneratedRegex(@"[\p{L}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    [GeneratedRegex(@"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CardLike();

    [GeneratedRegex(@"(https?://|www\.)\S+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // Spaces, dashes and brackets group phone digits; dots are left out so dates and prices are not masked.
    [GeneratedRegex(@"(?<![\w+])\+?\d[\d ()-]{5,}\d(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
