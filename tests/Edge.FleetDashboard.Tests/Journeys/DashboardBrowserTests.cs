using Edge.FleetDashboard.Tests.Harness;
using Edge.Kiosk.Tests.Harness;
using Edge.TestKit;
using Microsoft.Playwright;
using static Edge.FleetDashboard.Tests.Harness.SimulatedEdgeNode;
using static Microsoft.Playwright.Assertions;
using KioskBrowser = Edge.Kiosk.Tests.Harness.Browser;

namespace Edge.FleetDashboard.Tests.Journeys;

/// <summary>
/// The dashboard in Debian's chromium: a store appears online on the open fleet page when its NBIRTH arrives (server-sent
/// events, no reload), the store page shows its chart and alarm, a named person acknowledges the alarm, the page follows
/// the hub's death live, and axe-core (WCAG 2.0/2.1 A and AA) finds nothing on any page. Screenshots go to
/// artifacts/dashboard (not committed; linked from the README).
/// </summary>
public sealed class DashboardBrowserTests
{
    private const string Store = "store-17";

    private static string Artifacts => Directory.CreateDirectory(Path.Combine(ExternalTools.RepoRoot, "artifacts", "dashboard")).FullName;

    [RequiresChromiumFact]
    public async Task FleetPage_StoreBornLive_OpenedAlarmAcknowledgedAndNoAxeViolation()
    {
        await using var s = await Scenario.StartAsync(Store);
        var (host, node) = (s.Host, s.Node);
        await using var browser = await KioskBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(1440, 1000);
        var failures = new List<string>();

        await page.GotoAsync(host.Url);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-live", "connected");
        await CheckAsync(page, "fleet-empty", failures);

        await node.BirthAsync(5, [.. HubMetrics(5, host.Clock.GetUtcNow()).Where(m => m.Name != "Alarms/Outbox Over Quota"), Bool("Alarms/Outbox Over Quota", true)]);
        await node.DeviceBirthAsync("kiosk-k1", "idle");
        await node.DeviceBirthAsync("screen-s1", "playing");
        foreach (var present in new long[] { 4, 7, 6, 9 })
        {
            await node.DataAsync(Long("Presence/Members Present", present));
        }

        var card = page.Locator($"li[data-store='{Store}']");
        await Expect(card).ToHaveAttributeAsync("data-online", "true");
        await Expect(card).ToContainTextAsync("9");
        await CheckAsync(page, "fleet", failures);
        await page.GotoAsync(host.Url + "/?view=list");
        await CheckAsync(page, "fleet-list", failures);

        await page.GetByRole(AriaRole.Link, new() { Name = Store }).ClickAsync();
        await Expect(page.Locator("#store-panel > .panel")).ToHaveAttributeAsync("data-online", "true");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-live", "connected");
        await Expect(page.Locator("#metric-chart")).ToHaveAttributeAsync("data-points", "5");
        await Expect(page.Locator("#business dl")).ToBeVisibleAsync();
        await page.Locator("#operator").FillAsync("Maria Lopez");
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge: Outbox Over Quota" }).ClickAsync();
        await Expect(page.Locator("tr[data-key='Alarms/Outbox Over Quota'] .acked")).ToContainTextAsync("by Maria Lopez at 2026-11-23 10:00:00Z");
        await CheckAsync(page, "store", failures);

        await node.DeathAsync(5);
        await Expect(page.Locator("#store-panel > .panel")).ToHaveAttributeAsync("data-online", "false");
        await Expect(page.Locator("tr[data-key='hub-offline']")).ToBeVisibleAsync();
        await CheckAsync(page, "store-offline", failures);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task CheckAsync(IPage page, string name, List<string> failures)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });
        failures.AddRange((await KioskBrowser.AxeViolationsAsync(page)).Select(v => $"{name}: {v}"));
    }
}
