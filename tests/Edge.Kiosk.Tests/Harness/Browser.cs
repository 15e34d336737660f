using System.Text.Json;
using Edge.TestKit;
using Microsoft.Playwright;

namespace Edge.Kiosk.Tests.Harness;

/// <summary>
/// Debian's chromium driven by Playwright (no browser download), headless with the launch flags PITFALLS.md lists,
/// plus axe-core from the kiosk npm tool set and screenshots under artifacts/kiosk.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    public static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Instance = browser;
    }

    public IBrowser Instance { get; }

    public static string AxePath => Path.Combine(
        Environment.GetEnvironmentVariable("EDGE_CACHE") is { Length: > 0 } c ? c : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "store-edge"),
        "node-tools", "kiosk", "node_modules", "axe-core", "axe.min.js");

    public static string ArtifactsDirectory => Directory.CreateDirectory(Path.Combine(ExternalTools.RepoRoot, "artifacts", "kiosk")).FullName;

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = Flags,
        });
        return new Browser(playwright, browser);
    }

    /// <summary>A fresh kiosk screen (own cookies). BypassCSP only so the test can inject axe-core; the app's CSP is asserted separately.</summary>
    public async Task<IPage> NewPageAsync(int width = 1080, int height = 1920, bool bypassCsp = true)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BypassCSP = bypassCsp,
            HasTouch = true,
        });
        context.SetDefaultTimeout(10_000);
        return await context.NewPageAsync();
    }

    /// <summary>Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page; returns one line per violation.</summary>
    public static async Task<IReadOnlyList<string>> AxeViolationsAsync(IPage page)
    {
        // axe-core's source and the run go in one evaluation: with a separate script tag, a page that replaced its
        // document in between (htmx navigation, a reload after a live-connection hiccup on a loaded machine) lost the
        // injected axe and the run failed with "axe is not defined". A replaced document mid-run is retried.
        var script = s_axeSource.Value + """

            ;(async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(' | '));
            })()
            """;
        var result = await EvaluateSettledAsync<JsonElement>(page, script);
        return [.. result.EnumerateArray().Select(e => e.GetString()!)];
    }

    /// <summary>
    /// Evaluates a script once the page has loaded, again (up to 3 times) when the page replaced its document during
    /// the evaluation (htmx navigation, idle logout, a reload after a live-connection hiccup on a loaded machine).
    /// </summary>
    public static async Task<T> EvaluateSettledAsync<T>(IPage page, string script)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.WaitForLoadStateAsync(LoadState.Load);
                return await page.EvaluateAsync<T>(script);
            }
            catch (PlaywrightException ex) when (attempt < 3 && ex.Message.Contains("context was destroyed", StringComparison.Ordinal))
            {
            }
        }
    }

    private static readonly Lazy<string> s_axeSource = new(() => File.ReadAllText(AxePath));

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Instance.DisposeAsync();
        _playwright.Dispose();
    }
}
