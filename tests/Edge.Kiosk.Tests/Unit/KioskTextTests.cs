using System.Text.RegularExpressions;
using Edge.Kiosk.Localization;

namespace Edge.Kiosk.Tests.Unit;

public sealed partial class KioskTextTests
{
    [Fact]
    public void Get_EveryKeyInEveryLanguage_IsNonEmptyAndHasTheSamePlaceholdersAsEnglish()
    {
        foreach (var key in KioskText.Keys)
        {
            var english = Placeholders(KioskText.Get("en", key));
            foreach (var (code, _) in KioskLanguages.All)
            {
                var text = KioskText.Get(code, key);
                Assert.False(string.IsNullOrWhiteSpace(text), $"{code}:{key} is empty");
                Assert.True(english.SetEquals(Placeholders(text)), $"{code}:{key} has placeholders {string.Join(",", Placeholders(text))}, English has {string.Join(",", english)}");
            }
        }
    }

    [Fact]
    public void Get_NonEnglishLanguages_AreTranslatedNotCopied()
    {
        foreach (var code in new[] { "nb", "pl", "de" })
        {
            var same = KioskText.Keys.Count(k => KioskText.Get(code, k) == KioskText.Get("en", k));
            Assert.True(same <= 2, $"{code}: {same} strings identical to English");
        }
    }

    [Fact]
    public void Get_UnknownKey_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => KioskText.Get("en", "no.such.key"));
    }

    [Fact]
    public void Get_UnknownLanguage_FallsBackToEnglish()
    {
        Assert.Equal("Log in", KioskText.Get("xx", "login.title"));
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
