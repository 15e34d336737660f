using Edge.Kiosk.Tests.Harness;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Edge.Kiosk.Tests.Journeys;

/// <summary>
/// axe-core (WCAG 2.0/2.1 A and AA) on every kiosk page in both screen orientations, touch targets of at least 44 px,
/// and a screenshot of each page under artifacts/kiosk (not committed; linked from kiosk-ui/README.md).
/// </summary>
public sealed class AccessibilityTests
{
    public static readonly (string Name, int Width, int Height)[] Orientations = [("portrait", 1080, 1920), ("landscape", 1920, 1080)];

    [RequiresChromiumFact]
    public Task EveryPage_Portrait_NoAxeViolationAndTouchTargetsAtLeast44Px() => EveryPageAsync(Orientations[0]);

    [RequiresChromiumFact]
    public Task EveryPage_Landscape_NoAxeViolationAndTouchTargetsAtLeast44Px() => EveryPageAsync(Orientations[1]);

    private static async Task EveryPageAsync((string Name, int Width, int Height) screen)
    {
        await using var s = await KioskScenario.StartAsync(prepare: Playlists.OneImage);
        var failures = new List<string>();
        var (orientation, width, height) = screen;
        {
            var page = await s.NewPageAsync(width, height);
            await page.GotoAsync(s.Url("/"));
            await Expect(page.Locator("figure.slide img")).ToBeVisibleAsync();
            await CheckAsync(page, "attract", orientation, failures);

            await Expect(page.Locator("html")).ToHaveAttributeAsync("data-live", "connected");
            await s.PublishOfferAsync();
            await Expect(page.Locator("[data-member-greeting]")).ToBeVisibleAsync();
            await CheckAsync(page, "attract-greeting", orientation, failures);

            await page.GotoAsync(s.Url("/login"));
            await Expect(page.Locator("#prox-title")).ToBeVisibleAsync();
            await CheckAsync(page, "login", orientation, failures);

            await page.Locator("#prox-pin").FillAsync("0000");
            await page.Locator("#prox-submit").ClickAsync();
            await Expect(page.Locator("#prox-result .message")).ToBeVisibleAsync();
            await CheckAsync(page, "login-wrong-pin", orientation, failures);

            await page.GotoAsync(s.Url("/login/qr"));
            await CheckAsync(page, "login-qr", orientation, failures);

            await page.GotoAsync(s.Url("/products?q=milk&compare=p-milk&compare=p-oat"));
            await Expect(page.Locator("table.compare")).ToBeVisibleAsync();
            await CheckAsync(page, "products", orientation, failures);

            await ScreenJourneyTests.LoginByPhoneAsync(page, s);
            await CheckAsync(page, "member", orientation, failures);

            await page.GotoAsync(s.Url("/member/reviews?product=p-coffee"));
            await CheckAsync(page, "reviews", orientation, failures);

            await page.GotoAsync(s.Url("/member/games"));
            await page.Locator("#spin").ClickAsync();
            await Expect(page.Locator("#game-result .wheel")).ToBeVisibleAsync();
            await CheckAsync(page, "games", orientation, failures);

            await page.Locator("form[action^='/contrast'] button").ClickAsync();
            await Expect(page.Locator("body.contrast")).ToHaveCountAsync(1);
            await page.GotoAsync(s.Url("/member"));
            await CheckAsync(page, "member-high-contrast", orientation, failures);
            await page.Locator("form[action^='/contrast'] button").ClickAsync();

            await page.GotoAsync(s.Kiosk.AdminUrl + "/admin");
            await CheckAsync(page, "admin-login", orientation, failures);
            await page.Locator("#staff-pin").FillAsync("246810");
            await page.Locator("#staff-login").ClickAsync();
            await Expect(page.Locator("#sessions")).ToBeVisibleAsync();
            await CheckAsync(page, "admin", orientation, failures);
            await page.Context.CloseAsync();
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [RequiresChromiumFact]
    public async Task AxeHarness_PageWithAnImageWithoutAlt_ReportsTheViolation()
    {
        // Proves the check above can fail: the same harness on a deliberately broken page.
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("<!doctype html><html lang=en><head><title>t</title></head><body><main><img src='data:image/png;base64,iVBORw0KGgo='></main></body></html>");
        var violations = await Browser.AxeViolationsAsync(page);
        Assert.Contains(violations, v => v.StartsWith("image-alt", StringComparison.Ordinal));
    }

    private static async Task CheckAsync(IPage page, string name, string orientation, List<string> failures)
    {
        await Browser.ScreenshotAsync(page, $"{name}-{orientation}");
        foreach (var violation in await Browser.AxeViolationsAsync(page))
        {
            failures.Add($"{name} ({orientation}): {violation}");
        }

        // WCAG 2.5.5: every visible control at least 44 x 44 CSS px (inline text links inside sentences excepted: there are none).
        var small = await Browser.EvaluateSettledAsync<string[]>(page, """
            () => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), textarea, select, label.button')]
              .filter(e => { const s = getComputedStyle(e); return s.display !== 'none' && s.visibility !== 'hidden' && e.getClientRects().length > 0 && !e.closest('.skip') && !(e.type === 'radio' || e.type === 'checkbox'); })
              .filter(e => { const r = e.getBoundingClientRect(); return r.width < 44 || r.height < 44; })
              .map(e => e.outerHTML.slice(0, 80))
            """);
        foreach (var element in small)
        {
            failures.Add($"{name} ({orientation}): touch target under 44 px: {element}");
        }
    }
}
