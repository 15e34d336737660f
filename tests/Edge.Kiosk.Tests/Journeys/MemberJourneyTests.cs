using System.Diagnostics;
using Edge.Kiosk.Sessions;
using Edge.Kiosk.Signage;
using Edge.Kiosk.Tests.Harness;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Edge.Kiosk.Tests.Journeys;

/// <summary>
/// The shopper's main journey in real chromium against kiosk-ui (in-process, fake clock), a real mosquitto and the
/// fake edge-agent: attract -> proximity greeting -> PIN login -> save an offer -> post a review -> prize draw -> idle logout.
/// </summary>
public sealed class MemberJourneyTests
{
    [RequiresChromiumFact]
    public async Task Journey_AttractGreetingPinSaveReviewDrawIdle_EndsBackOnAttractWithStateWiped()
    {
        await using var s = await KioskScenario.StartAsync(prepare: Playlists.OneImage);
        var page = await s.NewPageAsync();

        // Attract: the slide from the cached playlist plays.
        await page.GotoAsync(s.Url("/"));
        await Expect(page.Locator("figure.slide[data-item='promo'] img")).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-live", "connected");

        // Proximity: edge-agent's offer for Jane in this zone -> greeting pushed live (no reload). How fast is the
        // benchmark's business (tests/Edge.Kiosk.Benchmarks), not this test's: a 1 s assertion here failed on a loaded CI machine.
        await s.PublishOfferAsync();
        await Expect(page.Locator("[data-member-greeting] h2")).ToHaveTextAsync("Hi Jane!");
        await Expect(page.Locator("[data-member-greeting]")).ToContainTextAsync("Coffee beans 500 g");

        // "Hi Jane - is it you?" + PIN on the keypad.
        await page.Locator("#greet-login").ClickAsync();
        await Expect(page.Locator("#prox-title")).ToHaveTextAsync("Hi Jane - is it you?");
        foreach (var digit in FakeAgent.Pin)
        {
            await page.Locator($".keypad[data-for='prox-pin'] .key[data-key='{digit}']").ClickAsync();
        }

        await page.Locator("#prox-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(s.Url("/member"));
        await Expect(page.Locator("#personalised")).ToHaveTextAsync("Hi Jane!");
        await Expect(page.Locator("#idle")).ToBeVisibleAsync();
        Assert.Contains("proximity", s.Agent!.Logins);

        // Save an offer to the app.
        await page.Locator("#save-c-coffee button").ClickAsync();
        await Expect(page.Locator("#save-c-coffee")).ToContainTextAsync("Saved to your app");

        // Post a review with markup and script: published, and shown as inert text.
        const string hostile = "Great beans <script>window.__pwned = 1</script><b>bold</b>";
        await page.GotoAsync(s.Url("/member/reviews?product=p-coffee"));
        await page.Locator("label[for='star-5']").ClickAsync();
        await page.Locator("#review-text").FillAsync(hostile);
        await page.Locator("#review-submit").ClickAsync();
        await Expect(page.Locator("#review-result")).ToContainTextAsync("Your review is published");
        await page.ReloadAsync();
        await Expect(page.Locator("#review-list .review-text").First).ToHaveTextAsync(hostile);
        Assert.Equal(0, await page.Locator("#review-list b").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
        Assert.Equal(5, Assert.Single(s.Agent.Reviews).Rating);

        // Prize draw (decided by edge-agent).
        await page.GotoAsync(s.Url("/member/games"));
        await page.Locator("#draw").ClickAsync();
        await Expect(page.Locator("#game-result")).ToContainTextAsync("You won: Free coffee!");
        Assert.Equal(1, s.Agent.Draws);

        // Idle: 61 s without a touch on the kiosk's clock -> logged out, screen back to attract, state gone.
        var sessions = s.Kiosk.Get<KioskSessionStore>();
        Assert.Contains(sessions.Snapshot(), x => x.IsLoggedIn);
        s.Kiosk.Clock.Advance(TimeSpan.FromSeconds(61));
        await Expect(page).ToHaveURLAsync(s.Url("/"));
        await Expect(page.Locator("#touch")).ToBeVisibleAsync();
        await Expect(page.Locator("#idle")).ToHaveCountAsync(0);
        Assert.DoesNotContain(sessions.Snapshot(), x => x.IsLoggedIn);

        // The member page now asks for a login again.
        await page.GotoAsync(s.Url("/member"));
        await Expect(page).ToHaveURLAsync(s.Url("/login"));
    }
}
