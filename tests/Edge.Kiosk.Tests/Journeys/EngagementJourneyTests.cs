using Edge.Kiosk.Tests.Harness;
using static Microsoft.Playwright.Assertions;

namespace Edge.Kiosk.Tests.Journeys;

/// <summary>After login (axe-core on each state the page-wide accessibility test does not reach), in real chromium against the fake edge-agent: wish list from the product search to the member page, badges and challenge progress, "share your visit".</summary>
public sealed class EngagementJourneyTests
{
    [RequiresChromiumFact]
    public async Task Journey_WishFromProductsSeeOnMemberPageBadgesAndShare_AgentGetsEachChange()
    {
        await using var s = await KioskScenario.StartAsync(prepare: Playlists.OneImage);
        var page = await s.NewPageAsync();
        await ScreenJourneyTests.LoginByPhoneAsync(page, s);

        // The product search offers a wish-list button per product once logged in.
        await page.GotoAsync(s.Url("/products?q=milk"));
        var milk = page.Locator(".wish[data-product='p-milk'] button");
        await Expect(milk).ToHaveTextAsync("Add to wish list");
        await milk.ClickAsync();
        await Expect(milk).ToHaveTextAsync("Remove from wish list");
        await page.ReloadAsync();
        await Expect(milk).ToHaveTextAsync("Remove from wish list");
        Assert.True((await milk.BoundingBoxAsync())!.Height >= 44, "wish-list button shorter than a 44 px touch target");
        Assert.Empty(await Browser.AxeViolationsAsync(page));

        // The member page lists it, and can take it off again.
        await page.GotoAsync(s.Url("/member"));
        await Expect(page.Locator("[data-wish='p-milk']")).ToContainTextAsync("Organic milk 1 l");
        Assert.Empty(await Browser.AxeViolationsAsync(page));
        await page.Locator("[data-wish='p-milk'] button").ClickAsync();
        await Expect(page.Locator("[data-wish='p-milk'] button")).ToHaveTextAsync("Add to wish list");
        await page.ReloadAsync();
        await Expect(page.Locator("#wish-title + p")).ToHaveTextAsync("Your wish list is empty. Add products from the product search.");

        // Badges and the monthly challenge as edge-agent computed them.
        await page.GotoAsync(s.Url("/member/games"));
        await Expect(page.Locator("[data-badge='first-review']")).ToHaveAttributeAsync("data-earned", "true");
        await Expect(page.Locator("[data-badge='first-review']")).ToContainTextAsync("First review");
        await Expect(page.Locator("[data-badge='check-ins']")).ToContainTextAsync("Regular: 5 check-ins");
        await Expect(page.Locator("[data-badge='check-ins']")).ToContainTextAsync("2 of 5");
        await Expect(page.Locator("[data-challenge='check-in-days-month']")).ToContainTextAsync("Check in on 3 days this month");
        await Expect(page.Locator("[data-challenge='check-in-days-month'] progress")).ToHaveAttributeAsync("value", "2");
        Assert.Empty(await Browser.AxeViolationsAsync(page));

        // Share the visit: points once, then politely refused.
        await page.Locator("#share").ClickAsync();
        await Expect(page.Locator("#game-result")).ToContainTextAsync("Thanks for sharing your visit: +5 points (pending)");
        await page.Locator("#share").ClickAsync();
        await Expect(page.Locator("#game-result")).ToContainTextAsync("You already shared today's visit.");
        Assert.Equal(2, s.Agent!.Shares);
    }
}
